package io.trendline.runner.run;

import io.trendline.api.backtest.BacktestProgress;
import io.trendline.api.backtest.FollowBacktestQuery;
import jakarta.annotation.PreDestroy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

/**
 * Progress of the runs on this runner, for whoever follows them: each step is emitted as an update of the
 * {@link FollowBacktestQuery} subscription query (Axon routes it to the subscriber, in one JVM or through Axon
 * Server), and the last step of recent runs is kept to answer a subscription's initial query. Progress is not
 * business state: it is not an event and is forgotten on restart (a restarted run reports again from the start).
 * Updates leave from a thread of their own: emitted inside the event handler's unit of work, Axon would hold them
 * until the run's end.
 */
@Component
public class ProgressBoard {

    private static final int REMEMBERED = 1_000;

    private final QueryUpdateEmitter emitter;
    private final Map<String, BacktestProgress> last = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, BacktestProgress> eldest) {
            return size() > REMEMBERED;
        }
    };

    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "backtest-progress");
        thread.setDaemon(true);
        return thread;
    });

    public ProgressBoard(QueryUpdateEmitter emitter) {
        this.emitter = emitter;
    }

    @PreDestroy
    void stop() {
        sender.shutdown();
    }

    public void report(String backtestId, String stage, double fraction, String message) {
        BacktestProgress progress = new BacktestProgress(backtestId, stage, fraction, message);
        synchronized (last) {
            last.put(backtestId, progress);
        }
        try {
            sender.execute(() -> {
                emitter.emit(FollowBacktestQuery.class, q -> q.backtestId().equals(backtestId), progress);
                if (progress.finished()) {
                    emitter.complete(FollowBacktestQuery.class, q -> q.backtestId().equals(backtestId));
                }
            });
        } catch (RejectedExecutionException e) {
            // shutting down: nobody is left to follow
        }
    }

    @QueryHandler
    BacktestProgress handle(FollowBacktestQuery query) {
        synchronized (last) {
            return last.getOrDefault(query.backtestId(),
                    new BacktestProgress(query.backtestId(), "QUEUED", 0, "waiting for the runner"));
        }
    }
}
