package dev.deteval.eval.report;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium for the HTML report's tests, driven by Debian's {@code chromium} and
 * {@code chromium-driver} (installed by {@code .ci/run} when missing). Finding neither is a test failure,
 * not a skip: the report's browser check must not silently disappear from CI. {@code DETEVAL_CHROMIUM} and
 * {@code DETEVAL_CHROMEDRIVER} name other executables.
 */
final class Chromium implements AutoCloseable {

    private static final String INSTALL = " (Debian: apt-get install chromium chromium-driver; .ci/run installs them)";

    private final ChromeDriver driver;

    Chromium() {
        Path browser = find("DETEVAL_CHROMIUM", "chromium", "chromium-browser", "google-chrome");
        Path chromedriver = find("DETEVAL_CHROMEDRIVER", "chromedriver");
        if (browser == null || chromedriver == null) {
            throw new AssertionError("the HTML report test needs " + (browser == null ? "chromium" : "chromedriver")
                    + " on the PATH" + INSTALL);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        // root (as in CI) needs --no-sandbox; /dev/shm is small in containers
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1300,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    /** The driver. */
    ChromeDriver driver() {
        return driver;
    }

    /** Opens {@code page}. */
    void open(Path page) {
        driver.get(page.toAbsolutePath().toUri().toString());
    }

    /** The console messages at level SEVERE (errors, uncaught exceptions, blocked resources) since the last call. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    /** Saves a PNG of the whole page (beyond the window) to {@code file}. */
    void screenshot(Path file) throws Exception {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
                "width", ((Number) size.get("width")).doubleValue(), "height", ((Number) size.get("height")).doubleValue());
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static Path find(String variable, String... names) {
        String given = System.getenv(variable);
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : names) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }
}
