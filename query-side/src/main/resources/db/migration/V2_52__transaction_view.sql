-- Payment transactions per user, idempotent by the transaction's sequence number.
CREATE TABLE transaction_view (
    transaction_id      VARCHAR(220)   NOT NULL PRIMARY KEY,
    purchase_id         VARCHAR(200)   NOT NULL,
    user_id             VARCHAR(200)   NOT NULL,
    amount              NUMERIC(19, 4) NOT NULL,
    currency            CHAR(3)        NOT NULL,
    status              VARCHAR(16)    NOT NULL,
    processor_reference VARCHAR(64),
    reason              VARCHAR(500),
    version             BIGINT         NOT NULL,
    created_at          TIMESTAMPTZ    NOT NULL,
    updated_at          TIMESTAMPTZ    NOT NULL
);
CREATE INDEX transaction_view_user ON transaction_view (user_id, created_at DESC);
