// The page sweep's checks on the page as the browser shows it (PageSweepIT, which puts chartFilled(el) before this).
// Arguments: the codes that must never be shown raw, the page's expected language ("zh" or "en").
// Returns {status, problems: [...]}.
const codes = new Set(arguments[0]);
const lang = arguments[1];
const problems = [];
const navEntry = performance.getEntriesByType('navigation')[0];
const status = (navEntry && navEntry.responseStatus) || 0;
const visible = el => el.checkVisibility ? el.checkVisibility({visibilityProperty: true}) : !!el.offsetParent;
const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + (typeof el.className === 'string' && el.className ? '.' + el.className.trim().split(/\s+/).join('.') : '');

// The text a user reads: visible text nodes (chart labels included), the choices of a list, placeholders, the title.
// Text inside [data-code], [data-verbatim], .mono or <code> is data shown as found (a credit code, a GB/T 4754 code
// beside its name, the words a firm's record matched).
const texts = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  const el = n.parentElement;
  const t = n.nodeValue.replace(/\s+/g, ' ').trim();
  if (!t || !el || el.closest('script, style, noscript, template')) continue;
  if (!el.closest('option') && !visible(el)) continue;
  texts.push([t, !!el.closest('[data-code], [data-verbatim], .mono, code')]);
}
document.querySelectorAll('[placeholder]').forEach(i => texts.push([i.getAttribute('placeholder'), false]));
texts.push([document.title, false]);
const all = texts.map(x => x[0]).join('\n');
const around = (s, i) => s.substring(Math.max(0, i - 40), i + 40).replace(/\s+/g, ' ');
const find = (re, what) => {
  const m = re.exec(all);
  if (m) problems.push(what + ': «' + around(all, m.index) + '»');
};
find(/\?\?/, 'unresolved message (??)');
find(/\{\d/, 'unformatted message argument ({0})');
find(/[#$]\{/, 'unresolved template expression');
if (all.includes('Whitelabel Error Page')) problems.push('Whitelabel error page');
const reported = new Set();
for (const [t, data] of texts) {
  if (data) continue;
  for (const w of t.match(/[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*/g) || []) { // SC-U2 (a node's id) is not SC
    if (codes.has(w) && !reported.has(w)) {
      reported.add(w);
      problems.push('raw code ' + w + ': «' + around(t, t.indexOf(w)) + '»');
    }
  }
}

// The platform's layout, in the user's language.
if (!document.querySelector('header.top')) problems.push('not in the platform layout (no header)');
if ((document.documentElement.lang || '').toLowerCase().substring(0, 2) !== lang) {
  problems.push('page language is "' + document.documentElement.lang + '", expected ' + lang);
}

// No horizontal scrolling of the page itself; name the innermost elements that stick out.
const scrollWidth = document.documentElement.scrollWidth;
if (scrollWidth > innerWidth) {
  const wide = new Set([...document.body.querySelectorAll('*')]
      .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > innerWidth + 1; }));
  const leaves = [...wide].filter(e => ![...e.children].some(c => wide.has(c))).slice(0, 4)
      .map(e => describe(e) + ' (right ' + Math.round(e.getBoundingClientRect().right) + ')');
  problems.push('horizontal scroll: page ' + scrollWidth + ' px wide in ' + innerWidth + ' px: ' + leaves.join(', '));
}

// The menu is one line (it folds behind a button on narrow screens instead of wrapping).
const links = [...document.querySelectorAll('header.top nav a')].filter(visible);
if (links.length && new Set(links.map(a => Math.round(a.getBoundingClientRect().top))).size > 1) {
  problems.push('the menu wraps onto several lines');
}
const menu = document.querySelector('header.top nav');
if (links.length && menu.scrollWidth > menu.clientWidth + 1) {
  problems.push('the menu does not fit its line (' + menu.scrollWidth + ' px in ' + menu.clientWidth + ')');
}

// Charts: drawn with data, labels inside the chart (a map clips at its edges on purpose).
document.querySelectorAll('div.chart').forEach(el => {
  const chart = window.echarts && window.echarts.getInstanceByDom(el);
  const option = chart && chart.getOption();
  if (!chartFilled(el)) {
    problems.push('chart ' + describe(el) + ' is empty');
  } else if (!(option.geo && option.geo.length) && !(option.series || []).some(s => s.type === 'map') && visible(el)) {
    const box = el.getBoundingClientRect();
    const cut = [...el.querySelectorAll('svg text')].filter(t => {
      const r = t.getBoundingClientRect();
      return r.width > 0 && visible(t) && (r.left < box.left - 2 || r.right > box.right + 2 || r.top < box.top - 2
          || r.bottom > box.bottom + 2);
    }).map(t => t.textContent);
    if (cut.length) problems.push('chart ' + describe(el) + ' cuts its labels: ' + cut.slice(0, 3).join(', '));
  }
});
return {status: status, problems: problems};
