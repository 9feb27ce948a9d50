CREATE TABLE other_service_view (id BIGINT PRIMARY KEY);
