package dev.corsjaxrs.config;

import dev.corsjaxrs.CorsOriginCheck;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Names every {@link CorsOriginCheck} bean in an injection point, so that Quarkus, which removes at
 * build time the beans no injection point names, keeps the application's origin checks for {@link
 * CdiBeans#find} to look up. Quarkus keeps this bean itself because it has a name. Elsewhere an
 * ordinary bean that nothing uses.
 */
@Dependent
@Named("dev.corsjaxrs.originChecks")
class OriginCheckBeans {

  @Inject Instance<CorsOriginCheck> checks;
}
