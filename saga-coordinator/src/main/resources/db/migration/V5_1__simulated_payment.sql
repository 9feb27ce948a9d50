-- The ledger of the simulated payment processor: what a real processor would keep on its side. Keyed by the
-- caller's idempotency keys, so a repeated call finds the first answer; one refund per charge.
CREATE TABLE simulated_payment_charge (
    idempotency_key VARCHAR(200)   NOT NULL PRIMARY KEY,
    reference       VARCHAR(64)    NOT NULL UNIQUE,
    customer_id     VARCHAR(200)   NOT NULL,
    card_token      VARCHAR(64)    NOT NULL,
    amount          NUMERIC(19, 4) NOT NULL,
    currency        CHAR(3)        NOT NULL,
    approved        BOOLEAN        NOT NULL,
    decline_code    VARCHAR(64),
    description     VARCHAR(255),
    created_at      TIMESTAMPTZ    NOT NULL
);
CREATE INDEX simulated_payment_charge_customer ON simulated_payment_charge (customer_id);

CREATE TABLE simulated_payment_refund (
    idempotency_key  VARCHAR(200)   NOT NULL PRIMARY KEY,
    reference        VARCHAR(64)    NOT NULL UNIQUE,
    charge_reference VARCHAR(64)    NOT NULL UNIQUE REFERENCES simulated_payment_charge (reference),
    amount           NUMERIC(19, 4) NOT NULL,
    currency         CHAR(3)        NOT NULL,
    reason           VARCHAR(255),
    created_at       TIMESTAMPTZ    NOT NULL
);
