package io.trendline.web.problem;

/** Something named in the request does not exist; answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }

    public static NotFoundException of(String kind, String id) {
        return new NotFoundException("no " + kind + " with id " + id);
    }
}
