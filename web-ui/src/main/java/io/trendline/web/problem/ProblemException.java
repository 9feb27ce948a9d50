package io.trendline.web.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A refusal with its status, problem type and detail, e.g. 403 for another user's strategy or 401 for wrong
 * credentials; answered as a problem body with the given headers.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final HttpHeaders headers;

    public ProblemException(HttpStatus status, String type, String detail) {
        this(status, type, detail, new HttpHeaders());
    }

    public ProblemException(HttpStatus status, String type, String detail, HttpHeaders headers) {
        super(detail);
        this.status = status;
        this.type = type;
        this.headers = headers;
    }

    public static ProblemException forbidden(String type, String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, type, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public HttpHeaders headers() {
        return headers;
    }
}
