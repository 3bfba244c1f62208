package io.esop.web;

/** Well-formed but against a business rule, e.g. a credit split not adding up to 100 or LOST without a reason. */
public class Unprocessable extends DomainException {

    public Unprocessable(String field, String message) {
        super(message, field);
    }

    @Override
    public int status() {
        return 422;
    }

    @Override
    public String title() {
        return "Unprocessable Content";
    }
}
