package org.parkscope.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.parkscope.audit.AuditLog;
import org.parkscope.shared.ApiRequests;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Who may reach which URL. Data scope (which parks and enterprises) is enforced below the controllers by
 * {@code CurrentScope}; this class only decides which roles reach which features. Anything not listed is denied, so a
 * new endpoint is closed until someone decides who may use it.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
public class SecurityConfig {

    private static final List<String> ASSET_PREFIXES = List.of("/css/", "/js/", "/webjars/", "/favicon.ico");

    static final String[] REGISTRY_READERS = {Role.TOWN_ADMIN.name(), Role.TOWN_ANALYST.name(), Role.PARK_OPERATOR.name()};
    static final String[] ENTERPRISE_READERS = {Role.TOWN_ADMIN.name(), Role.TOWN_ANALYST.name(),
        Role.PARK_OPERATOR.name(), Role.ENTERPRISE_USER.name()};

    @Bean
    SecurityFilterChain security(HttpSecurity http, BearerTokenFilter bearer, LoginHandlers handlers,
            AccountStore accounts, PasswordEncoder encoder, AuditLog audit, SignInThrottle throttle,
            MessageSource messages, LocaleResolver locales, DeniedHandler denied) throws Exception {
        RequestMatcher api = ApiRequests::isApi;
        RequestMatcher bearerRequest = SecurityConfig::hasBearer;
        AuthenticationEntryPoint unauthorized = new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED);
        AuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/error", "/favicon.ico").permitAll()
                        .requestMatchers("/audit", "/audit/**").hasAnyRole(Role.TOWN_ADMIN.name(), Role.AUDITOR.name())
                        .requestMatchers(HttpMethod.POST, "/evaluations/*/enterprises/*/objections").hasAnyRole(
                                Role.TOWN_ADMIN.name(), Role.PARK_OPERATOR.name(), Role.ENTERPRISE_USER.name())
                        .requestMatchers(HttpMethod.GET, "/evaluations", "/evaluations/*/enterprises/*")
                                .hasAnyRole(ENTERPRISE_READERS)
                        .requestMatchers(HttpMethod.GET, "/evaluations/*", "/evaluations/*/diff",
                                "/evaluations/*/policies", "/evaluations/*/status",
                                "/evaluations/*/export.xlsx").hasAnyRole(REGISTRY_READERS)
                        .requestMatchers(HttpMethod.POST, "/evaluations", "/evaluations/**").hasRole(Role.TOWN_ADMIN.name())
                        .requestMatchers("/admin/**", "/import", "/import/**", "/api/imports", "/api/imports/**")
                                .hasRole(Role.TOWN_ADMIN.name())
                        .requestMatchers("/account", "/account/**", "/").authenticated()
                        .requestMatchers("/parks/*/edit", "/enterprises/*/edit", "/enterprises/*/qualifications/**",
                                "/enterprises/*/figures/**").hasRole(Role.TOWN_ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/parcels/*/contracts", "/land/interventions",
                                "/land/low-efficiency/*/ledger", "/land/interventions/*/attachments",
                                "/parcels/*/contracts/*/attachments")
                                .hasRole(Role.TOWN_ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/map", "/api/map", "/map/parcels/*", "/parcels/*", "/api/parcels/*",
                                "/land/low-efficiency", "/land/low-efficiency.xlsx", "/api/land/low-efficiency",
                                "/land/interventions", "/land/interventions/*", "/land/interventions.xlsx",
                                "/space", "/space.xlsx", "/api/space")
                                .hasAnyRole(REGISTRY_READERS)
                        .requestMatchers(HttpMethod.GET, "/chains/targets", "/chains/targets/**", "/leads", "/leads/*",
                                "/leads.xlsx", "/chains/*/definition", "/chains/*/definition.yaml")
                                .hasAnyRole(Role.TOWN_ADMIN.name(), Role.TOWN_ANALYST.name())
                        .requestMatchers(HttpMethod.POST, "/chains/**", "/leads", "/leads/**").hasRole(Role.TOWN_ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/chains", "/chains/**").hasAnyRole(REGISTRY_READERS)
                        .requestMatchers(HttpMethod.GET, "/parks.xlsx").hasAnyRole(REGISTRY_READERS)
                        .requestMatchers(HttpMethod.GET, "/attachments/*").hasAnyRole(ENTERPRISE_READERS)
                        .requestMatchers(HttpMethod.GET, "/enterprises.xlsx").hasAnyRole(ENTERPRISE_READERS)
                        .requestMatchers("/parks", "/parks/**", "/api/parks", "/api/parks/**", "/api/dashboard")
                                .hasAnyRole(REGISTRY_READERS)
                        .requestMatchers("/enterprises", "/enterprises/**", "/api/enterprises", "/api/enterprises/**")
                                .hasAnyRole(ENTERPRISE_READERS)
                        .anyRequest().denyAll())
                .formLogin(f -> f.loginPage("/login").successHandler(handlers).failureHandler(handlers).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?out").addLogoutHandler(handlers))
                .authenticationManager(new ProviderManager(passwords(accounts, encoder)))
                .csrf(c -> c.ignoringRequestMatchers(bearerRequest))
                .addFilterAfter(new SessionCheck(accounts, audit), SecurityContextHolderFilter.class)
                .addFilterBefore(new SignInThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(bearer, UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new PasswordChangeGate(messages, locales), AuthorizationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) ->
                        (api.matches(request) ? unauthorized : login).commence(request, response, ex))
                        .accessDeniedHandler(denied))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self' "
                                + "'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                                + "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.deny()));
        return http.build();
    }

    /**
     * Passwords are checked before anything about the account is told: an unknown name is checked against a dummy
     * hash (Spring's timing protection), and a disabled account is refused only after its password matched, with the
     * same answer as a wrong password.
     */
    private static DaoAuthenticationProvider passwords(AccountStore accounts, PasswordEncoder encoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(encoder);
        provider.setPreAuthenticationChecks(account -> {});
        provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        return provider;
    }

    /** Static files (styles, scripts, the icon): public, and read without looking at the account. */
    static boolean isAsset(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return ASSET_PREFIXES.stream().anyMatch(path::startsWith);
    }

    static boolean hasBearer(HttpServletRequest request) {
        String h = request.getHeader("Authorization");
        return h != null && h.startsWith("Bearer ");
    }
}
