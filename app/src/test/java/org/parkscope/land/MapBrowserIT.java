package org.parkscope.land;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.parkscope.PlatformTest;
import org.parkscope.web.HeadlessChromium;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The town map of the demo town in a real headless Chromium: the layers are drawn, the Chinese labels are there and
 * measurable, colouring, search, list highlighting and export work; a screenshot is kept in
 * {@code target/map-demo-town.png}.
 */
@PlatformTest
class MapBrowserIT {

    @Autowired Environment env;
    @Autowired JdbcClient jdbc;

    @Test
    void theDemoTownMapIsDrawnWithItsLayersAndChineseLabels() throws Exception {
        String base = "http://127.0.0.1:" + env.getProperty("local.server.port");
        int parcels = jdbc.sql("select count(*) from parcel").query(Integer.class).single();
        int buildings = jdbc.sql("select count(*) from building").query(Integer.class).single();
        List<String> parkNames = jdbc.sql("select name from park order by id").query(String.class).list();
        // A holder's name imported with markup in it must stay text in the tooltip.
        long victim = jdbc.sql("select min(id) from parcel").query(Long.class).single();
        String holder = jdbc.sql("select rights_holder_name from parcel where id = ?").param(victim).query(String.class)
                .single();
        jdbc.sql("update parcel set rights_holder_name = ? where id = ?")
                .params("<img src=x onerror=\"window.__xss=1\">恶意名称", victim).update();
        try (HeadlessChromium chrome = new HeadlessChromium(1600, 1100)) {
            chrome.signIn(base, "admin", "Parkscope2024");
            chrome.open(base + "/map");
            chrome.waitFor("const m = document.getElementById('town-map');"
                    + " return m && m.dataset.ready === 'true' && m.querySelectorAll('svg path').length > 100",
                    Duration.ofSeconds(30));

            // The page ships no layers: they are drawn from the separate, versioned fetch of /api/map (the coarsest
            // level first), one series item per parcel.
            assertThat(chrome.script("return document.documentElement.outerHTML.includes('FeatureCollection')")
                    .asBoolean()).isFalse();
            assertThat(chrome.script("return performance.getEntriesByType('resource')"
                    + ".some(e => e.name.includes('/api/map?zoom=0'))").asBoolean()).isTrue();
            assertThat(chrome.script("return window.parkscopeMap.getOption().series[1].data.length").asInt())
                    .isEqualTo(parcels);
            assertThat(chrome.script("return document.getElementById('town-map').dataset.level").asString())
                    .isEqualTo("0");

            // Layers: every park, parcel and building outline and every enterprise symbol is an SVG path.
            int paths = chrome.script("return document.querySelectorAll('#town-map svg path').length").asInt();
            int firms = chrome.script("return window.parkscopeMap.getOption().series[3].data.length").asInt();
            assertThat(paths).isGreaterThanOrEqualTo(parkNames.size() + parcels + buildings + firms);
            JsonNode legend = chrome.script("return window.parkscopeMap.getOption().legend[0].data");
            assertThat(legend.toString()).contains("园区", "宗地", "建筑", "企业");

            // Chinese labels: the park names and the legend are drawn as text with a real size on screen.
            JsonNode texts = chrome.script("return Array.from(document.querySelectorAll('#town-map svg text'))"
                    + ".filter(t => t.getBBox().width > 4 && t.getBBox().height > 4).map(t => t.textContent)");
            Set<String> drawn = new HashSet<>();
            texts.forEach(t -> drawn.add(t.asString()));
            assertThat(drawn).contains("手拉手汽车港", "园区", "宗地");
            assertThat(parkNames.stream().filter(drawn::contains).count()).isEqualTo(parkNames.size());

            // Coloured by 亩均税收: several classes of the scale are used for parcels.
            JsonNode fills = chrome.script("return Array.from(new Set(Array.from(document.querySelectorAll("
                    + "'#town-map svg path')).map(p => (p.getAttribute('fill') || '').toLowerCase())))");
            Set<String> colours = new HashSet<>();
            fills.forEach(f -> colours.add(f.asString()));
            long scale = colours.stream().filter(c -> Set.of("#d73027", "#fc8d59", "#fee08b", "#d9ef8b", "#91cf60",
                    "#1a9850").contains(c)).count();
            assertThat(scale).isGreaterThanOrEqualTo(3);
            assertThat(chrome.script("return document.getElementById('map-legend').textContent").asString())
                    .contains("万元/亩");

            byte[] png = chrome.screenshot();
            Path out = Path.of("target", "map-demo-town.png");
            Files.createDirectories(out.getParent());
            Files.write(out, png);
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(img.getWidth()).isGreaterThan(1000);
            // Much of the picture is map colour, not page background.
            int coloured = 0, total = 0;
            for (int y = 0; y < img.getHeight(); y += 4) {
                for (int x = 0; x < img.getWidth(); x += 4) {
                    int rgb = img.getRGB(x, y);
                    int r = (rgb >> 16) & 255, g = (rgb >> 8) & 255, b = rgb & 255;
                    total++;
                    if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                        coloured++;
                    }
                }
            }
            assertThat(coloured / (double) total).as("share of strongly coloured pixels").isGreaterThan(0.02);

            // Colour by the low-efficiency list: listed parcels turn red and the legend says so.
            chrome.script("const s = document.getElementById('colour-by'); s.value = 'lowEfficiency';"
                    + " s.dispatchEvent(new Event('change'));");
            assertThat(chrome.script("return document.getElementById('map-legend').textContent").asString())
                    .contains("列入低效用地");
            assertThat(chrome.script("return Array.from(document.querySelectorAll('#town-map svg path'))"
                    + ".some(p => (p.getAttribute('fill') || '').toLowerCase() === '#d73027')").asBoolean()).isTrue();

            // Search zooms to a parcel and highlights its row in the list.
            String cert = jdbc.sql("select certificate_no from parcel where park_id = (select id from park where"
                    + " code = 'SLS') order by id limit 1").query(String.class).single();
            chrome.script("document.getElementById('map-search').value = arguments[0];"
                    + " document.getElementById('map-search-go').click();", cert);
            // Zoomed in, the map fetches the finer outlines and draws them in place.
            chrome.waitFor("return document.getElementById('town-map').dataset.level === '3'", Duration.ofSeconds(20));
            assertThat(chrome.script("return performance.getEntriesByType('resource')"
                    + ".some(e => e.name.includes('/api/map?zoom=3'))").asBoolean()).isTrue();
            assertThat(chrome.script("return document.getElementById('map-found').textContent").asString())
                    .isEqualTo(cert);
            assertThat(chrome.script("return window.parkscopeMap.getOption().geo[0].zoom").asDouble()).isEqualTo(8.0);
            assertThat(chrome.script("return document.querySelector('#map-parcels tr.hl a').textContent").asString())
                    .isEqualTo(cert);

            // The list highlights on the map: hovering a row puts the emphasis outline on its parcel.
            chrome.script("document.querySelector('#map-parcels tbody tr:nth-child(3)')"
                    + ".dispatchEvent(new MouseEvent('mouseenter'))");
            assertThat(chrome.script("return Array.from(document.querySelectorAll('#town-map svg path'))"
                    + ".some(p => (p.getAttribute('stroke') || '').toLowerCase() === '#e8590c')").asBoolean()).isTrue();

            // The tooltip of the parcel with markup in its holder's name shows the markup as text.
            int index = chrome.script("return window.parkscopeMap.getOption().series[1].data.findIndex("
                    + "d => d.name === arguments[0])", jdbc.sql("select certificate_no from parcel where id = ?")
                    .param(victim).query(String.class).single()).asInt();
            chrome.script("window.parkscopeMap.dispatchAction({type: 'showTip', seriesIndex: 1, dataIndex: arguments[0]})",
                    index);
            chrome.waitFor("return Array.from(document.querySelectorAll('div')).some(d => d.textContent.includes('恶意名称'))",
                    Duration.ofSeconds(10));
            assertThat(chrome.script("return window.__xss === undefined && !document.querySelector('img[src=x]')")
                    .asBoolean()).isTrue();

            // A click on a parcel brings its details on demand, as the server's fragment; markup stays text there too.
            chrome.script("window.parkscopeShowParcel(arguments[0])", victim);
            chrome.waitFor("const p = document.getElementById('map-parcel');"
                    + " return !p.hidden && p.textContent.includes('恶意名称')", Duration.ofSeconds(10));
            assertThat(chrome.script("return document.querySelector('#map-parcel a').getAttribute('href')").asString())
                    .endsWith("/parcels/" + victim);
            assertThat(chrome.script("return window.__xss === undefined && !document.querySelector('img[src=x]')")
                    .asBoolean()).isTrue();

            // The image export draws from the chart's own SVG.
            assertThat(chrome.script("return window.parkscopeMap.getDataURL({type: 'svg'})").asString())
                    .startsWith("data:image/svg+xml");

            // The 手拉手 parcel page with its before/after and its 亩均 history chart.
            long sls = jdbc.sql("select min(id) from parcel where park_id = (select id from park where code = 'SLS')")
                    .query(Long.class).single();
            chrome.open(base + "/parcels/" + sls);
            chrome.waitFor("return document.querySelectorAll('#history-chart svg path').length > 3", Duration.ofSeconds(20));
            assertThat(chrome.script("return document.querySelector('.intervention').innerText").asString())
                    .contains("处置前", "3,500.00");
            Files.write(Path.of("target", "parcel-sls.png"), chrome.screenshot());
        } finally {
            jdbc.sql("update parcel set rights_holder_name = ? where id = ?").params(holder, victim).update();
        }
    }
}
