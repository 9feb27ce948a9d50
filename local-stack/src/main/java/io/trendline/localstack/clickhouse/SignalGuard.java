package io.trendline.localstack.clickhouse;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * Puts the JVM's handlers for the deadly signals back after a chDB call that may have reset them: the fallback for
 * when {@link SignalShield} cannot be installed, and a cheap check when it is (restoring an unchanged disposition is
 * a no-op).
 *
 * <p>chDB 26.5's opt-out from its own signal handlers ({@code chdb_set_signal_handlers_enabled(0)}) resets SIGSEGV,
 * SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT, SIGSYS and SIGTSTP to SIG_DFL, and {@code chdb_connect} repeats that
 * reset near its end. HotSpot relies on its SIGSEGV handler for null checks and safepoints, so between the reset and
 * this restore (about 0.1 ms per connect) a Java thread that takes a SIGSEGV kills the JVM without a crash report.
 */
final class SignalGuard {

    /** Linux x86-64 numbers: SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV, SIGTSTP, SIGSYS. */
    private static final int[] GUARDED = {4, 5, 6, 7, 8, 11, 20, 31};
    /** glibc's struct sigaction is 152 bytes on x86-64; copied whole, never interpreted. */
    private static final int SIGACTION_SIZE = 256;
    private static final LibC LIBC = Native.load("c", LibC.class);

    private final Memory[] saved = new Memory[GUARDED.length];

    private SignalGuard() {
        for (int i = 0; i < GUARDED.length; i++) {
            saved[i] = new Memory(SIGACTION_SIZE);
            saved[i].clear();
            LIBC.sigaction(GUARDED[i], null, saved[i]);
        }
    }

    /** Records the current dispositions, to be put back with {@link #restore}. */
    static SignalGuard snapshot() {
        return new SignalGuard();
    }

    void restore() {
        for (int i = 0; i < GUARDED.length; i++) {
            LIBC.sigaction(GUARDED[i], saved[i], null);
        }
    }

    private interface LibC extends Library {
        int sigaction(int signal, Pointer action, Pointer previous);
    }
}
