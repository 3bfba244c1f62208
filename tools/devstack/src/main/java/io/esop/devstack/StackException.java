package io.esop.devstack;

/** A failure a person can act on: the message says what went wrong and what to do. */
public class StackException extends RuntimeException {
    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
