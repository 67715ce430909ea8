package eu.somep.testplugins.slow;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** A plugin that blocks in activation far longer than the kernel's start bound. */
@Component(immediate = true, service = {})
public class SlowComponent {
    @Activate
    public void activate() throws InterruptedException {
        Thread.sleep(60_000);
    }
}
