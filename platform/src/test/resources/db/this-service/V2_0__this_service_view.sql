CREATE TABLE this_service_view (id BIGINT PRIMARY KEY);
