package io.trendline.web.problem;

/** The request is malformed in a way the framework's own validation does not catch; answered with 400. */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
