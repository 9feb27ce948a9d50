-- Accounts of the edge (web-ui): users, their roles and their refresh tokens. Plain tables rather than events: the
-- credentials must be deletable and are not business history; registration still records the user's subscription
-- as events (StartSubscriptionCommand).
CREATE TABLE account (
    user_id       VARCHAR(64)  NOT NULL PRIMARY KEY,
    email         VARCHAR(254) NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at    TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL
);
-- Emails are stored lower-cased; the index also keeps two spellings of one address from both registering.
CREATE UNIQUE INDEX account_email ON account (lower(email));

CREATE TABLE account_role (
    user_id VARCHAR(64) NOT NULL REFERENCES account (user_id) ON DELETE CASCADE,
    role    VARCHAR(16) NOT NULL CHECK (role IN ('TRADER', 'ANALYST', 'AUDITOR', 'ADMIN')),
    PRIMARY KEY (user_id, role)
);

-- Refresh tokens are opaque random values; only their SHA-256 is kept. Each login starts a family; every refresh
-- marks its token used and adds the next one to the family. Presenting a used token again revokes the family.
CREATE TABLE refresh_token (
    token_hash CHAR(64)    NOT NULL PRIMARY KEY,
    family_id  VARCHAR(36) NOT NULL,
    user_id    VARCHAR(64) NOT NULL REFERENCES account (user_id) ON DELETE CASCADE,
    issued_at  TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX refresh_token_family ON refresh_token (family_id);
CREATE INDEX refresh_token_user ON refresh_token (user_id, expires_at);
