(function () {
  // The page carries its texts; the layers come from /api/map (versioned: the browser revalidates with its ETag),
  // first simplified for the whole town (a large town's parks only), then, as the map is moved or zoomed, finer and
  // for what is in view (bbox=west,south,east,north, snapped to a grid so that the same view asks the same address).
  const cfg = JSON.parse(document.getElementById('map-config').textContent);
  const T = cfg.T, base = cfg.base;
  const levelFor = z => z < 2 ? 0 : z < 4 ? 1 : z < 8 ? 2 : z < 16 ? 3 : 4;
  const fetchLayers = (level, box) => fetch(cfg.src + '?zoom=' + level + (box ? '&bbox=' + box.join(',') : ''),
      {credentials: 'same-origin'})
      .then(r => { if (!r.ok) throw new Error(r.status); return r.json(); });
  fetchLayers(0).then(start).catch(() => { document.getElementById('map-found').textContent = T.loadFailed; });

  // The enterprise points come as columns ({id: [...], name: [...], ...}); the drawing wants one object a firm.
  const rows = c => c.id.map((id, i) => ({id: id, name: c.name[i], lon: c.lon[i], lat: c.lat[i],
      parcelId: c.parcelId[i], klass: c.klass[i]}));

  const box0 = () => document.getElementById('town-map');
  function start(first) {
  let data = first, level = first.level || 0, loadedBox = first.bbox || null, partial = !!first.partial;
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

  // What is in view, in degrees [west, south, east, north], and the same widened by half a view each way and snapped
  // outward to a grid of the level (so that small moves stay inside what was fetched, and repeat the same address).
  const grid = [0.2, 0.05, 0.02, 0.01, 0.005];
  function viewBounds() {
    const a = chart.convertFromPixel({geoIndex: 0}, [0, 0]);
    const b = chart.convertFromPixel({geoIndex: 0}, [chart.getWidth(), chart.getHeight()]);
    return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])];
  }
  function snap(v, lvl) {
    const g = grid[lvl], w = (v[2] - v[0]) / 2, h = (v[3] - v[1]) / 2;
    const r = x => +x.toFixed(5);
    return [r(Math.max(-180, Math.floor((v[0] - w) / g) * g)), r(Math.max(-90, Math.floor((v[1] - h) / g) * g)),
      r(Math.min(180, Math.ceil((v[2] + w) / g) * g)), r(Math.min(90, Math.ceil((v[3] + h) / g) * g))];
  }
  const covers = (b, v) => b && b[0] <= v[0] && b[1] <= v[1] && b[2] >= v[2] && b[3] >= v[3];

  // Moved or zoomed: fetch what is in view at the level's detail unless it is loaded already, and draw it in place.
  let asked = 0, focusId = null;
  function refine() {
    const want = levelFor(chart.getOption().geo[0].zoom || 1), view = viewBounds();
    if (!partial && want <= level) return;                       // the whole town is loaded, fine enough
    if (partial && !loadedBox && want === 0) return;             // a large town's overview: its parks only
    if (partial && loadedBox && want <= level && covers(loadedBox, view)) return;
    const box = snap(view, want), seq = ++asked;
    fetchLayers(want, box).then(d => {
      if (seq !== asked) return;                                 // a later move asked for something else
      data = d; level = d.level; loadedBox = d.bbox || null; partial = !!d.partial;
      const keep = focusId != null ? focusId : highlighted != null && parcels[highlighted] ? parcels[highlighted].properties.id : null;
      parcels = d.parcels.features; parks = d.parks.features; buildings = d.buildings.features; firms = rows(d.enterprises);
      learn();
      const view = chart.getOption().geo[0];
      highlighted = null;
      render();
      chart.setOption({geo: {center: view.center, zoom: view.zoom}});
      const i = keep == null ? -1 : parcels.findIndex(f => f.properties.id === keep);
      if (i >= 0) highlight(i, focusId != null);
      focusId = null;
      document.getElementById('town-map').dataset.level = String(d.level);
    }).catch(() => { document.getElementById('map-found').textContent = T.loadFailed; });
  }
  let roaming = null;
  chart.on('georoam', () => { clearTimeout(roaming); roaming = setTimeout(refine, 250); });

  // Search: a parcel by certificate number or holder, a park or an enterprise by name (of what has been loaded so
  // far); zoom to it. Each option keeps its kind, id and where it is: [label, kind, id, [lon, lat]].
  const options = [], list = document.getElementById('map-search-list'), seen = new Set();
  function offer(label, kind, id, at) {
    options.push([label, kind, id, at]);
    if (!seen.has(label)) { seen.add(label); const op = document.createElement('option'); op.value = label; list.appendChild(op); }
  }
  const known = new Set();
  function learn() {
    parcels.forEach(f => { const p = f.properties; if (known.has('p' + p.id)) return; known.add('p' + p.id);
      offer(p.name, 'parcel', p.id, centre(f)); offer(p.holder + ' · ' + p.name, 'parcel', p.id, centre(f)); });
    parks.forEach(f => { if (known.has('k' + f.properties.id)) return; known.add('k' + f.properties.id);
      offer(f.properties.name, 'park', f.properties.id, centre(f)); });
    firms.forEach(e => { if (known.has('f' + e.id)) return; known.add('f' + e.id); offer(e.name, 'firm', e.id, [e.lon, e.lat]); });
  }
  learn();
  function find() {
    const q = document.getElementById('map-search').value.trim();
    const found = document.getElementById('map-found');
    if (!q) return;
    const hit = options.find(o => o[0] === q) || options.find(o => o[0].includes(q));
    if (!hit) { found.textContent = T.notFound; return; }
    const c = hit[3];
    let zoom = 8;
    if (hit[1] === 'parcel') {
      const i = parcels.findIndex(f => f.properties.id === hit[2]);
      if (i >= 0) highlight(i, true);
      focusId = hit[2];
    } else if (hit[1] === 'park') { zoom = 5; }
    else { zoom = 12;
      const i = firms.findIndex(e => e.id === hit[2]);
      if (i >= 0) chart.dispatchAction({type: 'showTip', seriesIndex: 3, dataIndex: i}); }
    chart.setOption({geo: {center: c, zoom: zoom}});
    found.textContent = hit[0];
    refine();
    if (!partial && levelFor(zoom) <= level) focusId = null;
  }
  document.getElementById('map-search-go').addEventListener('click', find);
  document.getElementById('map-search').addEventListener('keydown', e => { if (e.key === 'Enter') find(); });
  document.getElementById('map-reset').addEventListener('click', () => chart.setOption({geo: {center: null, zoom: 1.1}}));
  document.getElementById('colour-by').addEventListener('change', e => {
    mode = e.target.value;
    const view = chart.getOption().geo[0];                      // a new colouring keeps the view
    render();
    chart.setOption({geo: {center: view.center, zoom: view.zoom}});
  });

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
  // Open on a box (west,south,east,north): the address's bbox=…, else the page's (a park operator's parks).
  const open = (new URLSearchParams(location.search).get('bbox') || cfg.bbox || '').split(',').map(Number);
  if (!focus && open.length === 4 && open.every(Number.isFinite)) fitTo(open);
  function fitTo(b) {
    chart.setOption({geo: {center: [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2], zoom: 1}});
    const p = chart.convertToPixel({geoIndex: 0}, [b[0], b[1]]), q = chart.convertToPixel({geoIndex: 0}, [b[2], b[3]]);
    const w = Math.max(Math.abs(q[0] - p[0]), 1), h = Math.max(Math.abs(q[1] - p[1]), 1);
    chart.setOption({geo: {zoom: Math.max(1, 0.85 * Math.min(chart.getWidth() / w, chart.getHeight() / h))}});
    box0().dataset.fitted = b.join(',');
    refine();
  }
  window.addEventListener('resize', () => chart.resize());
  window.parkscopeMap = chart;
  const box = box0();
  box.dataset.level = String(level);
  box.dataset.parcels = String(parcels.length);
  box.dataset.ready = 'true';
  }
})();
