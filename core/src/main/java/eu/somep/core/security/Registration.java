package eu.somep.core.security;

import eu.somep.core.audit.AuditLog;
import eu.somep.core.config.SiteSettings;
import eu.somep.core.i18n.MessageCatalog;
import eu.somep.core.mail.Mailer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Self-registration with e-mail confirmation, and password reset by e-mail, Moodle-style. An administrator sets
 * the mode: {@code open}, {@code approval} (a confirmed account waits for an administrator) or {@code off}.
 *
 * <p>Nothing here tells a stranger whether an e-mail address has an account: registering with a known address
 * and asking for a reset both answer "we sent you a mail", and the mail itself says what to do.
 */
public final class Registration {
    public static final String SETTING = "registration";
    public static final List<String> MODES = List.of("open", "approval", "off");
    public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,99}");
    static final Duration CONFIRM_LIFE = Duration.ofHours(48);
    static final Duration RESET_LIFE = Duration.ofHours(1);
    /** At most one reset mail per account in this time, so the form cannot flood someone's mailbox. */
    static final Duration RESET_MAIL_GAP = Duration.ofMinutes(5);

    private final Users users;
    private final Secrets secrets;
    private final SiteSettings site;
    private final Mailer mail;
    private final MessageCatalog messages;
    private final AuditLog audit;
    private final Supplier<String> baseUrl;

    public Registration(Users users, Secrets secrets, SiteSettings site, Mailer mail, MessageCatalog messages, AuditLog audit, Supplier<String> baseUrl) {
        this.users = users;
        this.secrets = secrets;
        this.site = site;
        this.mail = mail;
        this.messages = messages;
        this.audit = audit;
        this.baseUrl = baseUrl;
    }

    public String mode() {
        String m = site.get(SETTING, "open");
        return MODES.contains(m) ? m : "off";
    }

    public void setMode(String mode) {
        if (!MODES.contains(mode)) throw new IllegalArgumentException(mode);
        site.set(SETTING, mode);
    }

    /** What someone asks for on the registration form. */
    public record Request(String username, String email, String displayName, String password, String confirm) {
        public Request {
            username = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
            email = email == null ? "" : email.trim();
            displayName = displayName == null ? "" : displayName.trim();
        }
    }

    /** The message keys of what is wrong with a request (empty: it can be registered). */
    public List<String> problems(Request r) {
        List<String> out = new ArrayList<>();
        if (!USERNAME.matcher(r.username()).matches()) out.add("kernel.register.error.username");
        else if (users.byName(r.username()).isPresent()) out.add("kernel.register.error.taken");
        if (r.email().length() > 255 || !Profile.EMAIL.matcher(r.email()).matches()) out.add("kernel.profile.error.email");
        if (r.displayName().isEmpty() || r.displayName().length() > 255) out.add("kernel.profile.error.name");
        if (r.password() == null || r.password().length() < 10 || r.password().length() > 200) out.add("kernel.profile.error.password");
        else if (r.confirm() != null && !r.password().equals(r.confirm())) out.add("kernel.profile.error.confirm");
        return out;
    }

    /**
     * Registers an unconfirmed account and mails its confirmation link; with an address that already has an
     * account, creates nothing and mails that address's owner instead. Call only when {@link #problems} is empty.
     */
    public void register(Request r, Locale locale, String address) {
        if (!users.byEmail(r.email()).isEmpty()) {
            mail.send(r.email(), messages.get(locale, "kernel.mail.exists.subject"),
                    messages.get(locale, "kernel.mail.exists.body", baseUrl.get() + "/password/forgot"));
            audit.record(null, r.username(), "user/register-refused", r.username(), "The e-mail address already has an account", address);
            return;
        }
        User u = users.register(r.username(), r.password(), r.displayName(), r.email(), locale.getLanguage(), address);
        String secret = secrets.issue(u.id(), Secrets.CONFIRM, CONFIRM_LIFE);
        mail.send(r.email(), messages.get(locale, "kernel.mail.confirm.subject"),
                messages.get(locale, "kernel.mail.confirm.body", u.displayName(), baseUrl.get() + "/register/confirm?token=" + secret, CONFIRM_LIFE.toHours()));
        audit.record(null, u.username(), "user/register", u.username(), "Registered; waiting for e-mail confirmation", address);
    }

    /** Confirms an account by its link: the new state ({@code active} or {@code pending}), or empty if the link is not valid. */
    public Optional<String> confirm(String secret) {
        Optional<User> u = secrets.use(secret, Secrets.CONFIRM).flatMap(users::any);
        if (u.isEmpty() || !Users.UNCONFIRMED.equals(users.status(u.get()))) return Optional.empty();
        String next = "approval".equals(mode()) ? Users.PENDING : Users.ACTIVE;
        users.setStatus(u.get(), next);
        audit.record(u.get(), null, "user/confirm", u.get().username(), next, null);
        return Optional.of(next);
    }

    public boolean confirmable(String secret) {
        return secrets.peek(secret, Secrets.CONFIRM).isPresent();
    }

    /** Approves an account that waits for it; false when it does not wait. */
    public boolean approve(User u) {
        if (!Users.PENDING.equals(users.status(u))) return false;
        users.setStatus(u, Users.ACTIVE);
        Profile profile = users.profile(u);
        Optional.ofNullable(profile.email()).ifPresent(to -> {
            Locale l = Locale.forLanguageTag(Optional.ofNullable(profile.language()).orElse("en"));
            mail.send(to, messages.get(l, "kernel.mail.approved.subject"), messages.get(l, "kernel.mail.approved.body", u.displayName(), baseUrl.get() + "/login"));
        });
        return true;
    }

    /** Mails a reset link to the account with this user name or e-mail address, if there is one; says nothing either way. */
    public void forgot(String login, Locale locale, String address) {
        if (login == null || login.isBlank() || login.length() > 255) return;
        String l = login.trim();
        List<User> found = l.contains("@") ? users.byEmail(l) : users.byName(l.toLowerCase(Locale.ROOT)).map(List::of).orElse(List.of());
        for (User u : found) {
            String to = users.profile(u).email();
            if (to == null || u.suspended() || secrets.recentlyIssued(u.id(), Secrets.RESET, RESET_LIFE, RESET_MAIL_GAP)) continue;
            String secret = secrets.issue(u.id(), Secrets.RESET, RESET_LIFE);
            mail.send(to, messages.get(locale, "kernel.mail.reset.subject"),
                    messages.get(locale, "kernel.mail.reset.body", u.displayName(), u.username(), baseUrl.get() + "/password/reset?token=" + secret, RESET_LIFE.toMinutes()));
            audit.record(u, null, "user/reset-requested", u.username(), null, address);
        }
    }

    public boolean resettable(String secret) {
        return secrets.peek(secret, Secrets.RESET).isPresent();
    }

    /** Sets a new password by a reset link; the message key of what is wrong, or null when done. */
    public String reset(String secret, String password, String confirm) {
        if (password == null || password.length() < 10 || password.length() > 200) return "kernel.profile.error.password";
        if (confirm != null && !password.equals(confirm)) return "kernel.profile.error.confirm";
        Optional<User> u = secrets.use(secret, Secrets.RESET).flatMap(users::any);
        if (u.isEmpty()) return "kernel.reset.invalid";
        users.setPassword(u.get(), password);
        secrets.voidAll(u.get().id(), Secrets.RESET);
        // following the link proves the address: an unconfirmed account becomes usable as if confirmed
        if (Users.UNCONFIRMED.equals(users.status(u.get()))) users.setStatus(u.get(), "approval".equals(mode()) ? Users.PENDING : Users.ACTIVE);
        audit.record(u.get(), null, "user/password-reset", u.get().username(), null, null);
        return null;
    }
}
