(function () {
  // The page carries its texts; the layers come from /api/map (versioned: the browser revalidates with its ETag),
  // first simplified for the whole town, then finer as the map is zoomed in.
  const cfg = JSON.parse(document.getElementById('map-config').textContent);
  const T = cfg.T, base = cfg.base;
  const levelFor = z => z < 2 ? 0 : z < 4 ? 1 : z < 8 ? 2 : z < 16 ? 3 : 4;
  const fetchLayers = level => fetch(cfg.src + '?zoom=' + level, {credentials: 'same-origin'})
      .then(r => { if (!r.ok) throw new Error(r.status); return r.json(); });
  fetchLayers(0).then(start).catch(() => { document.getElementById('map-found').textContent = T.loadFailed; });

  // The enterprise points come as columns ({id: [...], name: [...], ...}); the drawing wants one object a firm.
  const rows = c => c.id.map((id, i) => ({id: id, name: c.name[i], lon: c.lon[i], lat: c.lat[i],
      parcelId: c.parcelId[i], klass: c.klass[i]}));

  function start(first) {
  let data = first, level = first.level || 0;
  // Every value from the registry is escaped before it goes into tooltip or legend HTML.
  const esc = v => String(v == null ? '' : v).replace(/[&<>"']/g,
      c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]);
  let parcels = data.parcels.features, parks = data.parks.features, buildings = data.buildings.features;
  let firms = rows(data.enterprises);
  const outline = data.town || {type: 'FeatureCollection', features: parks.length ? parks : parcels};
  echarts.registerMap('town', outline);

  const rings = f => f.geometry.type === 'Polygon' ? [f.geometry.coordinates[0] ]
      : f.geometry.coordinates.map(p => p[0]);
  const centre = f => { const r = rings(f)[0]; let x = 0, y = 0; const n = r.length - 1;
      for (let i = 0; i < n; i++) { x += r[i][0]; y += r[i][1]; } return [x / n, y / n]; };

  // Colour scales per mode. Each returns colour(props), value(props) and the legend as a list of colour-label pairs.
  const steps = ['#d73027', '#fc8d59', '#fee08b', '#d9ef8b', '#91cf60', '#1a9850'];
  const classColours = {A: '#1a9850', B: '#91cf60', C: '#fdae61', D: '#d73027'};
  const useColours = ['#4e79a7', '#f28e2b', '#59a14f', '#b07aa1', '#edc948', '#76b7b2', '#ff9da7'];
  const uses = [...new Set(parcels.map(f => f.properties.landUse))].sort();
  function scale(mode) {
    if (mode === 'taxPerMu') {
      const cuts = [5, 10, 20, 40, 80];
      const pick = v => steps[cuts.filter(c => v >= c).length];
      return {colour: p => pick(p.taxPerMu || 0), value: p => p.taxPerMu,
        legend: steps.map((c, i) => [c, (i === 0 ? '< ' + cuts[0] : i === cuts.length ? '≥ ' + cuts[i - 1] : cuts[i - 1] + '–' + cuts[i]) + ' 万元/亩'])};
    }
    if (mode === 'klass') {
      return {colour: p => classColours[p.klass] || '#cfd6de', value: p => p.klass || '—',
        legend: data.run ? Object.entries(classColours).map(([k, c]) => [c, k]).concat([ ['#cfd6de', T.unrated] ]) : [ ['#cfd6de', T.noRun] ]};
    }
    if (mode === 'landUse') {
      return {colour: p => useColours[uses.indexOf(p.landUse) % useColours.length], value: p => p.landUse,
        legend: uses.map((u, i) => [useColours[i % useColours.length], u])};
    }
    if (mode === 'vacancy') {
      const cuts = [0.0001, 0.05, 0.15, 0.3];
      const cs = ['#e8eef4', '#fee08b', '#fdae61', '#f46d43', '#a50026'];
      return {colour: p => cs[cuts.filter(c => (p.vacancyShare || 0) >= c).length], value: p => p.vacantM2,
        legend: [ [cs[0], T.none], [cs[1], '< 5%'], [cs[2], '5–15%'], [cs[3], '15–30%'], [cs[4], '≥ 30%'] ]};
    }
    return {colour: p => p.listed ? '#d73027' : '#cfe3cf', value: p => p.listed ? T.listed : '',
      legend: [ ['#d73027', T.listed], ['#cfe3cf', T.notListed] ]};
  }

  const chart = echarts.init(document.getElementById('town-map'), null, {renderer: 'svg'});
  let mode = 'taxPerMu', highlighted = null;

  function polygonSeries(name, features, style, labelOf) {
    return {type: 'custom', name: name, coordinateSystem: 'geo', geoIndex: 0, color: style.legend,
      data: features.map((f, i) => ({value: i, name: f.properties.name, itemStyle: {color: style.fill(f.properties)}})),
      renderItem: function (params, api) {
        const f = features[params.dataIndex];
        const children = rings(f).map(r => ({type: 'polygon', shape: {points: r.map(c => api.coord(c))},
          style: {fill: api.visual('color'), stroke: style.stroke, lineWidth: style.width, opacity: style.opacity},
          emphasis: {style: {stroke: '#e8590c', lineWidth: 3}}}));
        if (labelOf) {
          const c = api.coord(centre(f));
          children.push({type: 'text', silent: true, style: {text: labelOf(f.properties), x: c[0], y: c[1],
            fill: '#1d2733', font: '12px sans-serif', align: 'center', verticalAlign: 'middle', stroke: '#fff', lineWidth: 3}});
        }
        return {type: 'group', children: children};
      },
      tooltip: {formatter: p => tip(name, features[p.dataIndex].properties)}};
  }

  function tip(layer, p) {
    const lines = ['<b>' + esc(p.name) + '</b>'];
    if (p.park) lines.push(esc(p.park));
    if (p.holder) lines.push(esc(T.holder) + '：' + esc(p.holder));
    if (p.landUse) lines.push(esc(T.landUse) + '：' + esc(p.landUse) + ' · ' + esc(p.mu) + ' 亩');
    if (p.taxPerMu != null) lines.push(esc(T.taxPerMu) + '：' + esc(p.taxPerMu));
    if (p.klass) lines.push(esc(T.klass) + '：' + esc(p.klass));
    if (p.vacantM2) lines.push(esc(T.vacant) + '：' + esc(p.vacantM2) + ' m²');
    if (p.listed) lines.push('⚠ ' + esc(T.listed));
    return lines.join('<br>');
  }

  function render() {
    const s = scale(mode);
    chart.setOption({
      animation: false,
      tooltip: {trigger: 'item', confine: true},
      legend: {top: 4, left: 4, data: T.layers.slice(1)},
      toolbox: {right: 8, feature: {saveAsImage: {name: 'parkscope-map', pixelRatio: 2}, restore: {}}},
      geo: {map: 'town', roam: true, zoom: 1.1, label: {show: false}, silent: true,
        itemStyle: {areaColor: '#f3f6f9', borderColor: '#6b7f95', borderWidth: 1.5}, emphasis: {disabled: true}},
      series: [
        polygonSeries(T.layers[1], parks, {fill: () => 'rgba(31,91,153,0.05)', stroke: '#1f5b99', width: 1.5, opacity: 1, legend: '#1f5b99'}, null),
        polygonSeries(T.layers[2], parcels, {fill: s.colour, stroke: '#46556a', width: 0.6, opacity: 0.9, legend: '#91cf60'}, null),
        polygonSeries(T.layers[3], buildings, {fill: p => p.vacantM2 > 0 ? '#f4a261' : '#8d99ae', stroke: '#333', width: 0.3, opacity: 0.75, legend: '#8d99ae'}, null),
        {type: 'scatter', name: T.layers[4], coordinateSystem: 'geo', symbolSize: 3, color: '#264653',
          data: firms.map(e => ({name: e.name, value: [e.lon, e.lat], id: e.id,
            itemStyle: {color: mode === 'klass' ? (classColours[e.klass] || '#9aa5b1') : '#264653'}})),
          tooltip: {formatter: p => '<b>' + esc(p.name) + '</b>' + (firms[p.dataIndex].klass ? '<br>' + esc(T.klass) + '：' + esc(firms[p.dataIndex].klass) : '')}},
        // Park names above each park, drawn last so that nothing covers them.
        {type: 'custom', name: 'labels', coordinateSystem: 'geo', geoIndex: 0, silent: true, z: 10,
          data: parks.map((f, i) => i),
          renderItem: function (params, api) {
            const f = parks[params.dataIndex], r = rings(f)[0];
            const top = Math.max(...r.map(c => c[1])), mid = (Math.min(...r.map(c => c[0])) + Math.max(...r.map(c => c[0]))) / 2;
            const c = api.coord([mid, top]);
            return {type: 'text', style: {text: f.properties.name, x: c[0], y: c[1] - 4, fill: '#1d2733',
              font: 'bold 12px sans-serif', align: 'center', verticalAlign: 'bottom', stroke: '#fff', lineWidth: 3}};
          }}
      ]
    }, {replaceMerge: ['series']});
    const legend = document.getElementById('map-legend');
    legend.replaceChildren(...s.legend.map(([c, l]) => {
      const span = document.createElement('span'), i = document.createElement('i');
      span.className = 'swatch';
      i.style.background = c;
      span.append(i, document.createTextNode(l));
      return span;
    }));
    fillList(s);
  }

  function fillList(s) {
    const body = document.querySelector('#map-parcels tbody');
    body.innerHTML = '';
    parcels.forEach((f, i) => {
      const p = f.properties, tr = document.createElement('tr');
      tr.dataset.index = i;
      tr.innerHTML = '<td><a href="' + base + 'parcels/' + p.id + '"></a></td><td></td><td class="num"></td><td class="num"></td>';
      tr.children[0].firstChild.textContent = p.name;
      tr.children[1].textContent = p.park;
      tr.children[2].textContent = p.mu;
      const v = s.value(p);
      tr.children[3].textContent = v == null ? '' : v;
      tr.addEventListener('mouseenter', () => highlight(i, false));
      tr.addEventListener('mouseleave', () => highlight(null, false));
      body.appendChild(tr);
    });
  }

  function highlight(i, fromMap) {
    if (highlighted != null) {
      chart.dispatchAction({type: 'downplay', seriesIndex: 1, dataIndex: highlighted});
      const old = document.querySelector('#map-parcels tr[data-index="' + highlighted + '"]');
      if (old) old.classList.remove('hl');
    }
    highlighted = i;
    if (i == null) return;
    chart.dispatchAction({type: 'highlight', seriesIndex: 1, dataIndex: i});
    const row = document.querySelector('#map-parcels tr[data-index="' + i + '"]');
    if (row) { row.classList.add('hl'); if (fromMap) row.scrollIntoView({block: 'nearest'}); }
  }

  chart.on('mouseover', p => { if (p.seriesIndex === 1) highlight(p.dataIndex, true); });
  chart.on('click', p => {
    if (p.seriesIndex === 0) location.href = base + 'parks/' + parks[p.dataIndex].properties.id;
    else if (p.seriesIndex === 1) showParcel(parcels[p.dataIndex].properties.id);
    else if (p.seriesIndex === 3) location.href = base + 'enterprises/' + firms[p.dataIndex].id;
  });

  // A parcel's details on demand: the server's panel (HTML, escaped there) beside the map.
  function showParcel(id) {
    const panel = document.getElementById('map-parcel');
    fetch(base + 'map/parcels/' + id, {credentials: 'same-origin'})
      .then(r => { if (!r.ok) throw new Error(r.status); return r.text(); })
      .then(html => { panel.innerHTML = html; panel.hidden = false; })
      .catch(() => { panel.textContent = T.loadFailed; panel.hidden = false; });
  }
  window.parkscopeShowParcel = showParcel;

  // Zoomed in past the loaded level's detail: fetch the finer outlines (same properties) and draw them in place.
  function refine() {
    const want = levelFor(chart.getOption().geo[0].zoom || 1);
    if (want <= level) return;
    level = want;
    fetchLayers(want).then(d => {
      data = d;
      parcels = d.parcels.features; parks = d.parks.features; buildings = d.buildings.features; firms = rows(d.enterprises);
      const view = chart.getOption().geo[0], keep = highlighted;
      highlighted = null;
      render();
      chart.setOption({geo: {center: view.center, zoom: view.zoom}});
      if (keep != null) highlight(keep, false);
      document.getElementById('town-map').dataset.level = String(d.level);
    }).catch(() => { document.getElementById('map-found').textContent = T.loadFailed; });
  }
  chart.on('georoam', refine);

  // Search: a parcel by certificate number or holder, a park or an enterprise by name; zoom to it.
  const options = [];
  parcels.forEach((f, i) => { options.push([f.properties.name, 'parcel', i]); options.push([f.properties.holder + ' · ' + f.properties.name, 'parcel', i]); });
  parks.forEach((f, i) => options.push([f.properties.name, 'park', i]));
  firms.forEach((e, i) => options.push([e.name, 'firm', i]));
  const list = document.getElementById('map-search-list');
  const seen = new Set();
  options.forEach(o => { if (!seen.has(o[0])) { seen.add(o[0]); const op = document.createElement('option'); op.value = o[0]; list.appendChild(op); } });
  function find() {
    const q = document.getElementById('map-search').value.trim();
    const found = document.getElementById('map-found');
    if (!q) return;
    const hit = options.find(o => o[0] === q) || options.find(o => o[0].includes(q));
    if (!hit) { found.textContent = T.notFound; return; }
    let c, zoom = 8;
    if (hit[1] === 'parcel') { c = centre(parcels[hit[2] ]); highlight(hit[2], true); }
    else if (hit[1] === 'park') { c = centre(parks[hit[2] ]); zoom = 5; }
    else { c = [firms[hit[2] ].lon, firms[hit[2] ].lat]; zoom = 12;
      chart.dispatchAction({type: 'showTip', seriesIndex: 3, dataIndex: hit[2]}); }
    chart.setOption({geo: {center: c, zoom: zoom}});
    found.textContent = hit[0];
    refine();
  }
  document.getElementById('map-search-go').addEventListener('click', find);
  document.getElementById('map-search').addEventListener('keydown', e => { if (e.key === 'Enter') find(); });
  document.getElementById('map-reset').addEventListener('click', () => chart.setOption({geo: {center: null, zoom: 1.1}}));
  document.getElementById('colour-by').addEventListener('change', e => { mode = e.target.value; render(); });

  // Export what is on screen as a PNG: the SVG drawing rasterised at twice its size.
  document.getElementById('map-export').addEventListener('click', () => {
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = chart.getWidth() * 2; canvas.height = chart.getHeight() * 2;
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      const a = document.createElement('a');
      a.href = canvas.toDataURL('image/png'); a.download = 'parkscope-map.png'; a.click();
    };
    img.src = chart.getDataURL({type: 'svg'});
  });

  render();
  const focus = new URLSearchParams(location.search).get('focus');
  if (focus) { document.getElementById('map-search').value = focus; find(); }
  window.addEventListener('resize', () => chart.resize());
  window.parkscopeMap = chart;
  const box = document.getElementById('town-map');
  box.dataset.level = String(level);
  box.dataset.parcels = String(parcels.length);
  box.dataset.ready = 'true';
  }
})();
