package io.devmsan.samples.userspace;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A user-space thread in a story: a process making one system call (or a few) while the story's
 * main thread does something else, such as unbinding the device.
 *
 * <p>Stories order threads by watching them, never by sleeping for a guessed time:
 * {@link #awaitBlocked()} returns once the thread sleeps inside the kernel (on a lock, a
 * completion), and {@link #join()} hands back what the calls returned or threw. Both give up after
 * {@link #DEADLINE_SECONDS} so that a story that went wrong fails instead of hanging.
 *
 * @param <T> what the thread's calls return
 */
public final class UserThread<T> {

    /** How long a story waits for a thread to block or to finish before it fails. */
    public static final long DEADLINE_SECONDS = 10;

    private final Thread thread;
    private volatile T result;
    private volatile Throwable failure;

    private UserThread(String name, Callable<T> body) {
        this.thread = new Thread(() -> {
            try {
                result = body.call();
            } catch (Throwable t) {
                failure = t;
            }
        }, name);
        thread.setDaemon(true);
    }

    /** Starts a daemon thread named {@code name} that runs {@code body}. */
    public static <T> UserThread<T> start(String name, Callable<T> body) {
        UserThread<T> user = new UserThread<>(name, body);
        user.thread.start();
        return user;
    }

    /**
     * Waits until the thread sleeps (waiting for a lock, parked on a completion) or has ended.
     *
     * @throws TimeoutException when it neither blocks nor ends within the deadline
     */
    public void awaitBlocked() throws TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        while (true) {
            Thread.State state = thread.getState();
            if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                    || state == Thread.State.BLOCKED || state == Thread.State.TERMINATED) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new TimeoutException(thread.getName() + " did not block within " + DEADLINE_SECONDS
                        + " s (state " + state + ")");
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    /** True while the thread runs or sleeps; false once its calls returned or threw. */
    public boolean isAlive() {
        return thread.isAlive();
    }

    /**
     * Waits for the thread to end and returns what its calls returned.
     *
     * @throws Exception what the calls threw (an error is rethrown as is)
     * @throws TimeoutException when the thread does not end within the deadline
     */
    public T join() throws Exception {
        thread.join(TimeUnit.SECONDS.toMillis(DEADLINE_SECONDS));
        if (thread.isAlive()) {
            throw new TimeoutException(thread.getName() + " did not finish within " + DEADLINE_SECONDS
                    + " s (state " + thread.getState() + ")");
        }
        Throwable thrown = failure;
        if (thrown instanceof Exception) {
            throw (Exception) thrown;
        }
        if (thrown instanceof Error) {
            throw (Error) thrown;
        }
        return result;
    }

    /** The thread's name. */
    public String name() {
        return thread.getName();
    }

    @Override
    public String toString() {
        return "user thread " + thread.getName() + " (" + thread.getState() + ")";
    }
}
