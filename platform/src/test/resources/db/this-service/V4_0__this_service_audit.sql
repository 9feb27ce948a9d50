CREATE TABLE this_service_audit (id BIGINT PRIMARY KEY);
