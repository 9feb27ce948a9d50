-- The subscription read model: one row per user, the plan the edge's premium checks read on every premium request.
-- PostgreSQL rather than ClickHouse: point reads by user that must see an upgrade at once. Rebuilt from the events
-- by replaying 'subscription-view'.
CREATE TABLE subscription_view (
    subscription_id     VARCHAR(100) NOT NULL PRIMARY KEY,
    user_id             VARCHAR(64)  NOT NULL UNIQUE,
    plan                VARCHAR(16)  NOT NULL,
    valid_until         TIMESTAMPTZ,
    pending_purchase_id VARCHAR(64),
    version             BIGINT       NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL
);
