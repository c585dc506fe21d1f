package mramcim.verification.regression;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * One line of the protocol between a regression and its worker processes (JSON, one message per
 * line, over a loopback socket; the worker's stdout and stderr, where a netlist's own prints go,
 * are a log file). Supervisor to worker: {@code job} once, then {@code seed} per seed, {@code
 * quit}. Worker to supervisor: {@code hello} (with the token it was started with), {@code ready} or
 * {@code error} after the job, then per seed {@code progress}, {@code heartbeat}, {@code phase} and
 * finally {@code result} or {@code error}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WorkerMessage(
        String kind,
        Long seed,
        Long cycles,
        String phase,
        String token,
        Long pid,
        SeedJob job,
        SeedResult result,
        String message,
        Map<String, Long> pins) {

    static final String HELLO = "hello";
    static final String JOB = "job";
    static final String READY = "ready";
    static final String SEED = "seed";
    static final String PROGRESS = "progress";
    static final String HEARTBEAT = "heartbeat";
    static final String PHASE = "phase";
    static final String RESULT = "result";
    static final String ERROR = "error";
    static final String QUIT = "quit";

    static WorkerMessage of(String kind) {
        return new WorkerMessage(kind, null, null, null, null, null, null, null, null, null);
    }

    static WorkerMessage hello(String token, long pid) {
        return new WorkerMessage(HELLO, null, null, null, token, pid, null, null, null, null);
    }

    static WorkerMessage job(SeedJob job) {
        return new WorkerMessage(JOB, null, null, null, null, null, job, null, null, null);
    }

    static WorkerMessage seed(long seed, Map<String, Long> pins) {
        return new WorkerMessage(
                SEED, seed, null, null, null, null, null, null, null, pins.isEmpty() ? null : Map.copyOf(pins));
    }

    static WorkerMessage progress(long seed, long cycles) {
        return new WorkerMessage(PROGRESS, seed, cycles, null, null, null, null, null, null, null);
    }

    static WorkerMessage heartbeat(long seed) {
        return new WorkerMessage(HEARTBEAT, seed, null, null, null, null, null, null, null, null);
    }

    static WorkerMessage phase(long seed, String phase) {
        return new WorkerMessage(PHASE, seed, null, phase, null, null, null, null, null, null);
    }

    static WorkerMessage result(SeedResult r) {
        return new WorkerMessage(RESULT, r.seed(), null, null, null, null, null, r, null, null);
    }

    static WorkerMessage error(Long seed, String message) {
        return new WorkerMessage(ERROR, seed, null, null, null, null, null, null, message, null);
    }
}
