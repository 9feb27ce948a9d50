package io.trendline.web.strategy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.trendline.api.audit.AggregateHistory;
import io.trendline.api.strategy.ArchiveStrategyCommand;
import io.trendline.api.strategy.ChangeStrategyParametersCommand;
import io.trendline.api.strategy.CreateStrategyCommand;
import io.trendline.api.strategy.FindStrategiesQuery;
import io.trendline.api.strategy.RenameStrategyCommand;
import io.trendline.api.strategy.StrategyList;
import io.trendline.api.strategy.StrategyView;
import io.trendline.web.command.AuditedCommands;
import io.trendline.web.problem.ProblemException;
import io.trendline.web.security.CurrentUser;
import io.trendline.web.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Strategies over REST. Changes answer 202: the command is stored, and the read model follows within milliseconds.
 * Every read carries the strategy's version as its ETag; sending it back as {@code If-Match} turns a concurrent change
 * into a 409 instead of a lost update.
 */
@RestController
@Validated
@RequestMapping("/api/strategies")
@Tag(name = "strategies", description = "Define, change and archive trading strategies")
class StrategyController {

    private final AuditedCommands commands;
    private final QueryGateway queries;
    private final CurrentUser currentUser;
    private final StrategyAccess access;

    StrategyController(AuditedCommands commands, QueryGateway queries, CurrentUser currentUser,
                       StrategyAccess access) {
        this.commands = commands;
        this.queries = queries;
        this.currentUser = currentUser;
        this.access = access;
    }

    @PostMapping
    @Operation(summary = "Create a strategy; omitted parameters take the type's defaults")
    ResponseEntity<StrategyRequests.Created> create(@Valid @RequestBody StrategyRequests.Create body) {
        String id = UUID.randomUUID().toString();
        String user = currentUser.id();
        commands.send(user, new CreateStrategyCommand(id, user, body.name(), body.type(), body.symbol(),
                body.parameters()));
        return ResponseEntity.created(URI.create("/api/strategies/" + id)).body(new StrategyRequests.Created(id));
    }

    @GetMapping
    @Operation(summary = "List the caller's strategies, newest first; all=true lists every user's (AUDITOR)")
    StrategyList list(@RequestParam(defaultValue = "false") boolean includeArchived,
                      @RequestParam(defaultValue = "false") boolean all,
                      @RequestParam(defaultValue = "0") @Min(0) int offset,
                      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        if (all && !currentUser.has(Role.AUDITOR)) {
            throw ProblemException.forbidden("forbidden", "only auditors may list every user's strategies");
        }
        return queries.query(new FindStrategiesQuery(all ? null : currentUser.id(), includeArchived, offset, limit),
                StrategyList.class).join();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Show one strategy (the caller's own; an auditor's any)")
    ResponseEntity<StrategyView> show(@PathVariable String id) {
        StrategyView view = access.readable(id);
        return ResponseEntity.ok().eTag(Long.toString(view.version())).body(view);
    }

    @PutMapping("/{id}/parameters")
    @Operation(summary = "Replace the parameters; omitted ones take the type's defaults")
    ResponseEntity<Void> changeParameters(@PathVariable String id,
                                          @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                          @Valid @RequestBody StrategyRequests.ChangeParameters body) {
        access.requireOwner(id);
        commands.send(currentUser.id(), new ChangeStrategyParametersCommand(id, body.parameters(),
                Versions.fromIfMatch(ifMatch)));
        return ResponseEntity.accepted().build();
    }

    @PutMapping("/{id}/name")
    @Operation(summary = "Rename a strategy")
    ResponseEntity<Void> rename(@PathVariable String id,
                                @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                @Valid @RequestBody StrategyRequests.Rename body) {
        access.requireOwner(id);
        commands.send(currentUser.id(), new RenameStrategyCommand(id, body.name(), Versions.fromIfMatch(ifMatch)));
        return ResponseEntity.accepted().build();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Archive a strategy; its history stays")
    ResponseEntity<Void> archive(@PathVariable String id,
                                 @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                 @RequestBody(required = false) StrategyRequests.Archive body) {
        access.requireOwner(id);
        commands.send(currentUser.id(), new ArchiveStrategyCommand(id, body == null ? null : body.reason(),
                Versions.fromIfMatch(ifMatch)));
        return ResponseEntity.accepted().build();
    }

    @GetMapping("/{id}/events")
    @Operation(summary = "The strategy's events in order, with their audit metadata; asOf limits them to a moment "
            + "(the owner's strategy; an auditor's any aggregate)")
    AggregateHistory events(@PathVariable String id, @RequestParam(required = false) Instant asOf) {
        return access.history(id, asOf);
    }
}
