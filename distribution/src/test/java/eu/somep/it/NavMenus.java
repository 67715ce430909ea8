package eu.somep.it;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;

/** The site navigation as a person uses it: a link that sits in a closed menu ("More", administration) is reached by opening the menu. */
final class NavMenus {
    private NavMenus() {
    }

    /** The navbar link named {@code name}; when it is in a closed menu, that menu is opened first (as a click would). */
    static Locator link(Page page, String name) {
        Locator closed = page.locator("header details:not([open])").filter(new Locator.FilterOptions()
                .setHas(page.locator("a", new Page.LocatorOptions().setHasText(Pattern.compile("^\\s*" + jsLiteral(name) + "\\s*$")))));
        if (closed.count() > 0) closed.first().locator("summary").click();
        return page.locator("header ul.navbar-nav").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true));
    }

    /** The name as a regular expression that the browser's JavaScript reads literally (Pattern.quote's \Q…\E is Java's only). */
    private static String jsLiteral(String name) {
        return name.replaceAll("[^\\p{L}\\p{N} ]", "\\\\$0");
    }
}
