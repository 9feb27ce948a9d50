package io.trendline.web.problem;

import io.trendline.api.common.Rejection;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns refusals into RFC 9457 problem bodies. Expected refusals (a broken rule, an unknown id, a stale version)
 * are logged at debug without a stack trace; Spring's own handlers, inherited here, answer malformed JSON, missing
 * parameters and failed bean validation with 400.
 */
@RestControllerAdvice
class ProblemHandlers extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandlers.class);

    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail rejected(CommandExecutionException e) {
        Optional<Rejection> rejection = e.getDetails().filter(Rejection.class::isInstance).map(Rejection.class::cast);
        if (rejection.isEmpty()) {
            Throwable cause = e.getCause();
            if (cause instanceof AggregateNotFoundException notFound) {
                return notFound(notFound);
            }
            if (cause instanceof ConflictingAggregateVersionException conflict) {
                return staleVersion(conflict);
            }
            throw e;
        }
        Rejection r = rejection.get();
        log.debug("command rejected: {} {}", r.code(), r.message());
        return rejection(r);
    }

    private static ProblemDetail rejection(Rejection r) {
        HttpStatus status = switch (r.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case CONFLICT -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
        };
        ProblemDetail problem = problem(status, r.code(), r.message());
        problem.setProperty("code", r.code());
        return problem;
    }

    @ExceptionHandler(QueryExecutionException.class)
    ProblemDetail rejected(QueryExecutionException e) {
        Rejection r = e.getDetails().filter(Rejection.class::isInstance).map(Rejection.class::cast)
                .orElseThrow(() -> e);
        log.debug("query rejected: {} {}", r.code(), r.message());
        return rejection(r);
    }

    /** Bean validation of a body: every field named with what is wrong with it, in the detail and as a list. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<String> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + " " + f.getDefaultMessage()).sorted().toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-body", String.join("; ", errors));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * A query whose store failed (a read model's database down, a table missing): 503 with Retry-After, since the
     * request itself was fine; anything else the query threw is not the client's fault either and stays a 500.
     */
    @ExceptionHandler(CompletionException.class)
    ResponseEntity<ProblemDetail> queryFailed(CompletionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof DataAccessException || cause instanceof QueryExecutionException) {
            log.warn("a query failed: {}", cause.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                    .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                            "a store the answer needs is unavailable; try again shortly"));
        }
        throw e;
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail notFound(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "no aggregate with id " + e.getAggregateIdentifier());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ProblemDetail staleVersion(ConflictingAggregateVersionException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "stale-version", "it was changed meanwhile: expected "
                + "version " + e.getExpectedVersion() + " but it is at " + e.getActualVersion()
                + "; read it again and retry");
        problem.setProperty("currentVersion", e.getActualVersion());
        return problem;
    }

    @ExceptionHandler(BadRequestException.class)
    ProblemDetail badRequest(BadRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, "bad-request", e.getMessage());
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> refused(ProblemException e) {
        log.debug("refused with {}: {}", e.status().value(), e.getMessage());
        return ResponseEntity.status(e.status()).headers(e.headers())
                .body(problem(e.status(), e.type(), e.getMessage()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String type, String detail) {
        return Problems.of(status, type, detail);
    }
}
