package dev.metanode.core.kernel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts services in the order they were added and stops the started ones in reverse. If one
 * fails to start, the ones already running are stopped before the failure is rethrown.
 */
public final class ServiceController {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceController.class);

    private final List<Service> services = new ArrayList<>();
    private final Deque<Service> running = new ArrayDeque<>();

    public ServiceController add(Service service) {
        services.add(service);
        return this;
    }

    public synchronized void start() throws Exception {
        for (Service service : services) {
            try {
                service.start();
                running.push(service);
                LOG.debug("started {}", service.name());
            } catch (Exception e) {
                LOG.error("{} failed to start: {}", service.name(), e.getMessage());
                stop();
                throw e;
            }
        }
    }

    /** Starts one more service now, after the others; it will be stopped first. */
    public synchronized void startLate(Service service) throws Exception {
        services.add(service);
        service.start();
        running.push(service);
    }

    /** Stops every running service, newest first; a failing stop is logged and the rest still stop. */
    public synchronized void stop() {
        while (!running.isEmpty()) {
            Service service = running.pop();
            try {
                service.stop();
                LOG.debug("stopped {}", service.name());
            } catch (Exception e) {
                LOG.warn("{} did not stop cleanly: {}", service.name(), e.toString());
            }
        }
    }
}
