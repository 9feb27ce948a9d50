-- A user's plan, validity and pending purchase (the minimal subscription read model of the purchase work; the
-- accounts work may bring a fuller one under the same name). Idempotent by the subscription's sequence number.
CREATE TABLE subscription_view (
    subscription_id     VARCHAR(200) NOT NULL PRIMARY KEY,
    user_id             VARCHAR(200) NOT NULL UNIQUE,
    plan                VARCHAR(16)  NOT NULL,
    valid_until         TIMESTAMPTZ,
    pending_purchase_id VARCHAR(200),
    version             BIGINT       NOT NULL
);
