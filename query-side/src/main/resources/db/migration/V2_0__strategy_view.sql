-- The strategy read model. Kept in PostgreSQL rather than ClickHouse: it is small, row-updated and read back right
-- after a trader changes it, which wants strict consistency. Rebuilt from the events by replaying 'strategy-view'.
CREATE TABLE strategy_view (
    strategy_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    owner_id    VARCHAR(64),
    name        VARCHAR(100) NOT NULL,
    type        VARCHAR(32)  NOT NULL,
    symbol      VARCHAR(20)  NOT NULL,
    parameters  JSONB        NOT NULL,
    archived    BOOLEAN      NOT NULL DEFAULT FALSE,
    version     BIGINT       NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX strategy_view_owner ON strategy_view (owner_id, created_at DESC);
