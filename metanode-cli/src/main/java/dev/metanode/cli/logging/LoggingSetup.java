package dev.metanode.cli.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;

/**
 * Logging set up in code rather than XML: logback's XML configurator costs a few hundred
 * milliseconds of start-up, which the CLI and the node both feel. The CLI logs warnings to
 * stderr only; the node (system property {@code metanode.logDir} set) logs INFO to
 * {@code logs/daemon.log}, rolled at 20 MB with five kept, and to the console.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_TOP_PRIORITY)
public final class LoggingSetup extends ContextAwareBase implements Configurator {
    public static final String LOG_DIR_PROPERTY = "metanode.logDir";
    private static final String FILE_BYTES_MAX = "20MB";
    private static final int FILES_KEPT_MAX = 5;

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        String dir = System.getProperty(LOG_DIR_PROPERTY);
        if (dir == null) {
            root.setLevel(Level.WARN);
            root.addAppender(console(context, "metanode: %level %msg%n", true));
        } else {
            root.setLevel(Level.INFO);
            root.addAppender(file(context, dir));
            root.addAppender(console(context, "%d{HH:mm:ss.SSS} %-5level %msg%n", false));
        }
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }

    private static ConsoleAppender<ILoggingEvent> console(LoggerContext context, String pattern, boolean stderr) {
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("console");
        appender.setTarget(stderr ? "System.err" : "System.out");
        appender.setEncoder(encoder(context, pattern));
        appender.start();
        return appender;
    }

    private static RollingFileAppender<ILoggingEvent> file(LoggerContext context, String dir) {
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("file");
        appender.setFile(dir + "/daemon.log");
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(dir + "/daemon.%i.log");
        rolling.setMinIndex(1);
        rolling.setMaxIndex(FILES_KEPT_MAX);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf(FILE_BYTES_MAX));
        trigger.start();
        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        appender.setEncoder(encoder(context, "%d{ISO8601} %-5level [%thread] %logger{24} %msg%n"));
        appender.start();
        return appender;
    }
}
