package io.trendline.localstack.clickhouse;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Stops libchdb.so from changing the dispositions of the signals the JVM owns.
 *
 * <p>chDB resets SIGSEGV and friends to SIG_DFL when told not to install its own handlers (at the opt-out and again
 * in every connect), and its threads read-modify-write SIGSEGV's flags when they start. HotSpot takes SIGSEGV for
 * safepoint polls and null checks, so any of these, racing with a Java thread, kills the JVM without a crash report;
 * restoring afterwards ({@link SignalGuard}) cannot close that window. So libchdb.so's own references to
 * {@code sigaction} and {@code signal} (its GOT slots, found from the ELF relocations) are pointed at two small
 * x86-64 stubs that leave the signals in {@link #JVM_SIGNALS} alone (reporting the current action instead) and pass
 * every other call to libc. Only libchdb.so is affected; the JVM and other libraries call libc directly.
 */
final class SignalShield {

    /** HUP INT QUIT ILL TRAP ABRT BUS FPE SEGV USR2 PIPE TERM TSTP XFSZ SYS (Linux numbers). */
    static final int JVM_SIGNALS = bits(1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 13, 15, 20, 25, 31);

    private static final int PROT_READ = 1;
    private static final int PROT_WRITE = 2;
    private static final int PROT_EXEC = 4;
    private static final int PAGE = 4096;
    private static final int SHT_RELA = 4;
    private static final int SHT_DYNSYM = 11;
    private static final int R_X86_64_64 = 1;
    private static final int R_X86_64_GLOB_DAT = 6;
    private static final int R_X86_64_JUMP_SLOT = 7;

    // int sigaction(int sig, const struct sigaction *act, struct sigaction *old):
    //   if (act && sig <= 31 && (MASK >> sig) & 1) act = NULL;  then jump to libc's sigaction.
    private static final byte[] SIGACTION_STUB = {
        0x48, (byte) 0x85, (byte) 0xf6,                     // test rsi, rsi
        0x74, 0x11,                                         // je pass
        (byte) 0x83, (byte) 0xff, 0x1f,                     // cmp edi, 31
        0x77, 0x0c,                                         // ja pass
        (byte) 0xb8, 0, 0, 0, 0,                            // mov eax, MASK            (offset 11)
        0x0f, (byte) 0xa3, (byte) 0xf8,                     // bt eax, edi
        0x73, 0x02,                                         // jae pass
        0x31, (byte) 0xf6,                                  // xor esi, esi
        0x48, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0,          // pass: movabs rax, SIGACTION (offset 24)
        (byte) 0xff, (byte) 0xe0,                           // jmp rax
    };
    // sighandler_t signal(int sig, sighandler_t handler): for a guarded sig, return the current handler unchanged.
    private static final byte[] SIGNAL_STUB = {
        (byte) 0x83, (byte) 0xff, 0x1f,                     // cmp edi, 31
        0x77, 0x2e,                                         // ja pass
        (byte) 0xb8, 0, 0, 0, 0,                            // mov eax, MASK            (offset 6)
        0x0f, (byte) 0xa3, (byte) 0xf8,                     // bt eax, edi
        0x73, 0x24,                                         // jae pass
        0x48, (byte) 0x81, (byte) 0xec, (byte) 0xa8, 0, 0, 0, // sub rsp, 168 (a struct sigaction, aligned)
        0x31, (byte) 0xf6,                                  // xor esi, esi
        0x48, (byte) 0x89, (byte) 0xe2,                     // mov rdx, rsp
        0x48, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0,          // movabs rax, SIGACTION    (offset 29)
        (byte) 0xff, (byte) 0xd0,                           // call rax
        0x48, (byte) 0x8b, 0x04, 0x24,                      // mov rax, [rsp]  (sa_handler)
        0x48, (byte) 0x81, (byte) 0xc4, (byte) 0xa8, 0, 0, 0, // add rsp, 168
        (byte) 0xc3,                                        // ret
        0x48, (byte) 0xb8, 0, 0, 0, 0, 0, 0, 0, 0,          // pass: movabs rax, SIGNAL (offset 53)
        (byte) 0xff, (byte) 0xe0,                           // jmp rax
    };
    private static final int SIGNAL_STUB_OFFSET = 64;

    private SignalShield() {
    }

    /** Patches the loaded library; throws with the reason when its layout is not what this expects. */
    static void install(Path library, NativeLibrary loaded, String exportedFunction) throws IOException {
        List<Long> sigactionSlots = new ArrayList<>();
        List<Long> signalSlots = new ArrayList<>();
        readRelocations(library, sigactionSlots, signalSlots);
        if (sigactionSlots.isEmpty()) {
            throw new IOException("no relocation for sigaction in " + library);
        }
        long base = loadBase(loaded.getFunction(exportedFunction));
        NativeLibrary libc = NativeLibrary.getInstance("c");
        long realSigaction = Pointer.nativeValue(libc.getFunction("sigaction"));
        long realSignal = Pointer.nativeValue(libc.getFunction("signal"));
        long stubs = writeStubs(realSigaction, realSignal);
        for (long slot : sigactionSlots) {
            patch(base + slot, stubs);
        }
        for (long slot : signalSlots) {
            patch(base + slot, stubs + SIGNAL_STUB_OFFSET);
        }
    }


    private static long writeStubs(long realSigaction, long realSignal) throws IOException {
        ByteBuffer code = ByteBuffer.allocate(PAGE).order(ByteOrder.LITTLE_ENDIAN);
        code.put(SIGACTION_STUB).putInt(11, JVM_SIGNALS).putLong(24, realSigaction);
        code.position(SIGNAL_STUB_OFFSET);
        code.put(SIGNAL_STUB).putInt(SIGNAL_STUB_OFFSET + 6, JVM_SIGNALS)
                .putLong(SIGNAL_STUB_OFFSET + 29, realSigaction).putLong(SIGNAL_STUB_OFFSET + 53, realSignal);
        Pointer page = LibC.INSTANCE.mmap(null, PAGE, PROT_READ | PROT_WRITE, 0x22 /* PRIVATE|ANONYMOUS */, -1, 0);
        if (page == null || Pointer.nativeValue(page) == -1) {
            throw new IOException("mmap failed");
        }
        page.write(0, code.array(), 0, PAGE);
        protect(Pointer.nativeValue(page), PROT_READ | PROT_EXEC);
        return Pointer.nativeValue(page);
    }

    private static void patch(long slot, long target) throws IOException {
        long page = slot & ~(PAGE - 1L);
        int original = protectionOf(slot);
        protect(page, PROT_READ | PROT_WRITE);
        new Pointer(slot).setLong(0, target);
        protect(page, original);
    }

    private static void protect(long page, int prot) throws IOException {
        if (LibC.INSTANCE.mprotect(new Pointer(page), PAGE, prot) != 0) {
            throw new IOException("mprotect failed, errno " + Native.getLastError());
        }
    }

    /** The current protection of the mapping holding address, from /proc/self/maps. */
    private static int protectionOf(long address) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            int dash = line.indexOf('-');
            int space = line.indexOf(' ');
            long start = Long.parseUnsignedLong(line.substring(0, dash), 16);
            long end = Long.parseUnsignedLong(line.substring(dash + 1, space), 16);
            if (Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) < 0) {
                String perms = line.substring(space + 1, space + 5);
                return (perms.charAt(0) == 'r' ? PROT_READ : 0) | (perms.charAt(1) == 'w' ? PROT_WRITE : 0)
                        | (perms.charAt(2) == 'x' ? PROT_EXEC : 0);
            }
        }
        throw new IOException("address " + Long.toHexString(address) + " is not mapped");
    }

    private static long loadBase(Function exported) throws IOException {
        Memory info = new Memory(32);
        if (LibC.INSTANCE.dladdr(exported, info) == 0) {
            throw new IOException("dladdr failed");
        }
        return Pointer.nativeValue(info.getPointer(8));
    }

    /** Finds the offsets of libchdb.so's GOT slots for sigaction and signal in its dynamic relocations. */
    private static void readRelocations(Path library, List<Long> sigaction, List<Long> signal) throws IOException {
        try (FileChannel file = FileChannel.open(library, StandardOpenOption.READ)) {
            ByteBuffer header = read(file, 0, 64);
            boolean x8664 = header.getInt(0) == 0x464c457f && header.get(4) == 2 && header.get(5) == 1
                    && header.getShort(18) == 62;
            if (!x8664) {
                throw new IOException(library + " is not a 64-bit little-endian x86-64 ELF file");
            }
            long shoff = header.getLong(0x28);
            int shnum = Short.toUnsignedInt(header.getShort(0x3c));
            ByteBuffer sections = read(file, shoff, shnum * 64);
            int dynsym = -1;
            for (int i = 0; i < shnum; i++) {
                if (sections.getInt(i * 64 + 4) == SHT_DYNSYM) {
                    dynsym = i;
                }
            }
            if (dynsym < 0) {
                throw new IOException("no .dynsym in " + library);
            }
            ByteBuffer symbols = section(file, sections, dynsym);
            ByteBuffer names = section(file, sections, sections.getInt(dynsym * 64 + 40));
            int sigactionIndex = -1;
            int signalIndex = -1;
            for (int i = 0; i < symbols.capacity() / 24; i++) {
                String name = cString(names, symbols.getInt(i * 24));
                sigactionIndex = name.equals("sigaction") ? i : sigactionIndex;
                signalIndex = name.equals("signal") ? i : signalIndex;
            }
            for (int i = 0; i < shnum; i++) {
                if (sections.getInt(i * 64 + 4) != SHT_RELA || sections.getInt(i * 64 + 40) != dynsym) {
                    continue;
                }
                ByteBuffer relocations = section(file, sections, i);
                for (int at = 0; at + 24 <= relocations.capacity(); at += 24) {
                    long info = relocations.getLong(at + 8);
                    int type = (int) info;
                    long symbol = info >>> 32;
                    if (type != R_X86_64_GLOB_DAT && type != R_X86_64_JUMP_SLOT && type != R_X86_64_64) {
                        continue;
                    }
                    if (symbol == sigactionIndex) {
                        sigaction.add(relocations.getLong(at));
                    } else if (symbol == signalIndex) {
                        signal.add(relocations.getLong(at));
                    }
                }
            }
        }
    }

    private static ByteBuffer section(FileChannel file, ByteBuffer sections, int index) throws IOException {
        long offset = sections.getLong(index * 64 + 24);
        long size = sections.getLong(index * 64 + 32);
        return file.map(FileChannel.MapMode.READ_ONLY, offset, size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static ByteBuffer read(FileChannel file, long offset, int size) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining() && file.read(buffer, offset + buffer.position()) > 0) {
            // keep reading
        }
        return buffer.flip();
    }

    private static String cString(ByteBuffer strings, int offset) {
        int end = offset;
        while (end < strings.capacity() && strings.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - offset];
        strings.get(offset, bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    private static int bits(int... signals) {
        int mask = 0;
        for (int signal : signals) {
            mask |= 1 << signal;
        }
        return mask;
    }

    private interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        Pointer mmap(Pointer address, long length, int prot, int flags, int fd, long offset);

        int mprotect(Pointer address, long length, int prot);

        int dladdr(Pointer address, Pointer info);
    }
}
