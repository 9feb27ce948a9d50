-- Receipts of completed purchases; one per purchase, inserted once.
CREATE TABLE receipt_view (
    receipt_number      VARCHAR(220)   NOT NULL PRIMARY KEY,
    purchase_id         VARCHAR(200)   NOT NULL UNIQUE,
    user_id             VARCHAR(200)   NOT NULL,
    plan                VARCHAR(16)    NOT NULL,
    amount              NUMERIC(19, 4) NOT NULL,
    currency            CHAR(3)        NOT NULL,
    valid_until         TIMESTAMPTZ    NOT NULL,
    transaction_id      VARCHAR(220)   NOT NULL,
    processor_reference VARCHAR(64)    NOT NULL,
    issued_at           TIMESTAMPTZ    NOT NULL
);
CREATE INDEX receipt_view_user ON receipt_view (user_id, issued_at DESC);
