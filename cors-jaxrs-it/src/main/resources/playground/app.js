// The playground: each scenario makes one real cross-origin call (or two) with fetch(), then draws
// the exchanges the demo server recorded and the verdict the browser reached.
const params = new URLSearchParams(location.search);
const API = params.get('api') || 'http://localhost:8080/api';
const json = { 'Content-Type': 'application/json', 'X-Request-Id': 'demo-42' };

const SCENARIOS = [
  { id: 'same-origin', title: 'Same origin', expect: 'allowed',
    what: 'The page reads a file from its own origin: no CORS at all.',
    run: () => call(location.origin + '/index.html', {}), local: true },
  { id: 'blocked-origin', title: 'Different origin, not allowed', expect: 'blocked',
    what: 'GET /partner is open to https://partner.example.org only.',
    run: () => call(API + '/partner', {}) },
  { id: 'allowed-origin', title: 'Allow-listed origin', expect: 'allowed',
    what: 'GET /items: this page\'s origin is on cors.allowed-origins.',
    run: () => call(API + '/items', {}) },
  { id: 'wildcard', title: 'Wildcard', expect: 'allowed',
    what: 'GET /public/status: the named policy "public" allows every origin.',
    run: () => call(API + '/public/status', {}) },
  { id: 'preflight-put', title: 'Preflighted PUT with a custom header', expect: 'allowed',
    what: 'PUT with JSON and X-Request-Id: the browser asks first with OPTIONS.',
    run: () => call(API + '/items/1', { method: 'PUT', headers: json, body: '"teapot"' }) },
  { id: 'preflight-delete', title: 'Preflighted DELETE, refused', expect: 'blocked',
    what: 'DELETE is allowed for https://app.example.com only: the preflight gets 403 and the DELETE is never sent.',
    run: () => call(API + '/items/2', { method: 'DELETE', headers: { 'X-Request-Id': 'demo-43' } }) },
  { id: 'max-age', title: 'Preflight cached by Max-Age', expect: 'allowed',
    what: 'The same PUT twice: the second goes without a preflight (Access-Control-Max-Age: 600).',
    run: async () => {
      await call(API + '/items/3', { method: 'PUT', headers: json, body: '"one"' });
      return call(API + '/items/3', { method: 'PUT', headers: json, body: '"two"' });
    } },
  { id: 'strict-write', title: 'Strict mode: a cross-site write refused', expect: 'blocked',
    what: 'POST /orders/strict (a "simple" request: no preflight). Strict mode answers 403 before the resource runs: the order is never placed.',
    run: () => call(API + '/orders/strict', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'one teapot' }) },
  { id: 'report-write', title: 'Report mode: the same write goes through, reported', expect: 'blocked',
    what: 'POST /orders/report: answered as without strict mode (the order is placed, the page cannot read the answer), and the server logs what strict mode would refuse.',
    run: () => call(API + '/orders/report', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'one teapot' }) },
  { id: 'credentials', title: 'Credentials with a cookie', expect: 'allowed',
    what: 'GET /session twice with credentials: "include" (allowed with Access-Control-Allow-Credentials: true). '
      + 'The first answer sets a session cookie if the browser has none; the second request carries it back. '
      + 'It comes back because this page and the API are different origins (ports) of the same site (localhost), '
      + 'so the cookie is first-party. A page on another site would need the cookie set with SameSite=None; Secure '
      + 'over HTTPS, and a browser that blocks third-party cookies would still not send it.',
    run: async () => {
      await call(API + '/session', { credentials: 'include' });
      return call(API + '/session', { credentials: 'include' });
    } },
];

async function call(url, init) {
  try {
    const response = await fetch(url, init);
    return { allowed: true, status: response.status, body: (await response.text()).slice(0, 80) };
  } catch (e) {
    return { allowed: false, error: String(e) };
  }
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function lane(name, origin) {
  const node = el('div', 'lane', name);
  node.append(el('span', 'origin', origin));
  return node;
}

function headerLines(headers) {
  return Object.entries(headers || {}).map(([k, v]) => k + ': ' + v).join('\n');
}

function draw(section, scenario, result, exchanges) {
  const verdict = section.querySelector('.verdict');
  verdict.className = 'verdict ' + (result.allowed ? 'allowed' : 'blocked');
  verdict.textContent = result.allowed ? 'allowed by the browser' : 'blocked by the browser';
  section.dataset.verdict = result.allowed ? 'allowed' : 'blocked';
  const diagram = section.querySelector('.diagram');
  diagram.replaceChildren(lane('Browser', location.origin), el('div'),
    scenario.local ? lane('Same origin', location.origin) : lane('API', new URL(API).origin));
  if (scenario.local) {
    diagram.append(el('div', 'note', 'Same origin: the browser adds no CORS check and the page reads the response.'));
  }
  for (const exchange of exchanges) {
    const out = el('div', 'arrow out');
    out.append(el('div', 'line', exchange.method + ' ' + exchange.path + '  →'), el('div', 'headers', headerLines(exchange.request)));
    const back = el('div', 'arrow back');
    back.append(el('div', 'line', '←  ' + exchange.status), el('div', 'headers', headerLines(exchange.response) || '(no CORS headers)'));
    diagram.append(out, back);
    if (exchange.explanation) {
      diagram.append(el('div', 'note explain', 'Why: ' + exchange.explanation));
    }
    if (exchange.report) {
      diagram.append(el('div', 'note report', 'Report line (dev.corsjaxrs.report, INFO): ' + exchange.report));
    }
  }
  const preflights = exchanges.filter(e => e.method === 'OPTIONS').length;
  section.dataset.preflights = String(preflights);
  diagram.append(el('div', 'note', result.allowed
    ? 'The page got status ' + result.status + ': ' + result.body
    : 'The page got ' + result.error + ' — the browser hid the response.'));
}

async function runScenario(scenario) {
  const section = document.getElementById('s-' + scenario.id);
  await fetch(API + '/_exchanges', { method: 'DELETE' });
  const result = await scenario.run();
  const exchanges = await (await fetch(API + '/_exchanges')).json();
  draw(section, scenario, result, exchanges);
  return result;
}

async function runAll() {
  document.body.dataset.done = 'false';
  for (const scenario of SCENARIOS) {
    await runScenario(scenario);
  }
  document.body.dataset.done = 'true';
}

document.getElementById('page-origin').textContent = location.origin;
document.getElementById('api-base').textContent = API;
for (const scenario of SCENARIOS) {
  const section = el('section');
  section.id = 's-' + scenario.id;
  section.dataset.expect = scenario.expect;
  const heading = el('h2', null, scenario.title);
  const run = el('button', null, 'Run');
  run.addEventListener('click', () => runScenario(scenario));
  heading.append(el('span', 'verdict pending', 'not run'), run);
  section.append(heading, el('p', 'what', scenario.what), el('div', 'diagram'));
  document.getElementById('scenarios').append(section);
}
document.getElementById('run-all').addEventListener('click', runAll);
window.runAll = runAll;
