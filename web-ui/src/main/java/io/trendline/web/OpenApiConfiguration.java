package io.trendline.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

@Configuration
@OpenAPIDefinition(info = @Info(title = "Trendline API", version = "v1",
        description = "Crypto market analysis, forecasting and backtesting with a verifiable audit trail. Refusals "
                + "are RFC 9457 problem bodies; changes answer 202 and reads carry the version as ETag. Every "
                + "endpoint but register, login and refresh needs an access token from POST /api/auth/login."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
class OpenApiConfiguration {
}
