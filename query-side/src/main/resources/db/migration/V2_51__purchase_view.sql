-- Premium purchases as their buyers follow them. Written only from the Subscription's events, so the subscription's
-- sequence number guards every update (a replay never moves a row backwards).
CREATE TABLE purchase_view (
    purchase_id     VARCHAR(200)   NOT NULL PRIMARY KEY,
    subscription_id VARCHAR(200)   NOT NULL,
    user_id         VARCHAR(200)   NOT NULL,
    plan            VARCHAR(16)    NOT NULL,
    amount          NUMERIC(19, 4) NOT NULL,
    currency        CHAR(3)        NOT NULL,
    status          VARCHAR(16)    NOT NULL,
    reason          VARCHAR(500),
    transaction_id  VARCHAR(220)   NOT NULL,
    valid_until     TIMESTAMPTZ,
    receipt_number  VARCHAR(220),
    version         BIGINT         NOT NULL,
    requested_at    TIMESTAMPTZ    NOT NULL,
    updated_at      TIMESTAMPTZ    NOT NULL
);
CREATE INDEX purchase_view_user ON purchase_view (user_id, requested_at DESC);
