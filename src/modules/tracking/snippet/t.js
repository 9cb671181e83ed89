/* Tandem web tracking snippet. Docs: docs/tracking.md. Plain ES5, no dependencies. */
((w, d) => {
  var s = d.currentScript || d.querySelector('script[data-site]');
  var key = s && s.getAttribute('data-site');
  if (!key || w.__tandem) return;
  w.__tandem = 1;
  var nav = w.navigator;
  var url = s.src.replace(/\/t\.js(\?.*)?$/, '') + '/t/collect?k=' + encodeURIComponent(key);
  var need = s.getAttribute('data-consent') === 'required';
  // Do Not Track and Global Privacy Control: nothing is stored or sent.
  var dnt = nav.doNotTrack == '1' || w.doNotTrack == '1' || nav.msDoNotTrack == '1' || nav.globalPrivacyControl === true;
  var consent = !need;
  var K = 'tandem_vid';
  var vid = null;
  var held = [];
  var last = null;

  function ls() {
    try {
      return w.localStorage;
    } catch (e) {}
  }
  function uuid() {
    if (w.crypto && crypto.randomUUID) return crypto.randomUUID();
    return '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
      (c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16),
    );
  }
  function visitor() {
    if (dnt || !consent) return null;
    if (vid) return vid;
    var st = ls();
    var m = d.cookie.match(/(?:^|; )tandem_vid=([0-9a-f-]{36})/);
    vid = (st && st.getItem(K)) || (m && m[1]) || uuid();
    try {
      st && st.setItem(K, vid);
    } catch (e) {}
    d.cookie = K + '=' + vid + ';path=/;max-age=34560000;SameSite=Lax';
    return vid;
  }
  function forget() {
    vid = null;
    try {
      ls().removeItem(K);
    } catch (e) {}
    d.cookie = K + '=;path=/;max-age=0';
  }
  function send(p) {
    if (dnt) return;
    if (!consent) {
      // Consent mode: kept in this page's memory only, sent if consent comes.
      if (held.length < 50) held.push(p);
      return;
    }
    p.v = visitor();
    if (need) p.c = 1;
    var b = JSON.stringify(p);
    if (!(nav.sendBeacon && nav.sendBeacon(url, b)) && w.fetch)
      fetch(url, { method: 'POST', body: b, keepalive: true, credentials: 'omit' })['catch'](() => {});
    tagForms();
  }
  function page() {
    var u = location.href;
    if (u === last) return;
    send({ t: 'pv', u: u, ti: d.title, r: last || d.referrer });
    last = u;
    // The signed `tdm` link token identifies once; take it out of the address bar so it is not shared on.
    if (/[?&]tdm=/.test(u) && history.replaceState) {
      var clean = u.replace(/([?&])tdm=[^&#]*&?/, '$1').replace(/[?&](#|$)/, '$1');
      history.replaceState(history.state, '', clean);
      last = location.href;
    }
  }
  function field(f) {
    var v = visitor();
    if (!v || !f || !f.appendChild) return;
    var i = f.querySelector('input[name=tandem_visitor]');
    if (!i) {
      i = d.createElement('input');
      i.type = 'hidden';
      i.name = 'tandem_visitor';
      f.appendChild(i);
    }
    i.value = v;
  }
  function tagForms() {
    for (var i = 0; i < d.forms.length; i++) field(d.forms[i]);
  }
  function api(cmd, a, b) {
    if (cmd === 'track') {
      if (typeof a === 'string') send({ t: 'ev', n: a, p: b || {}, u: location.href, ti: d.title });
    } else if (cmd === 'page') {
      last = null;
      page();
    } else if (cmd === 'consent') {
      consent = !!a || !need;
      if (a) {
        var h = held;
        held = [];
        for (var i = 0; i < h.length; i++) send(h[i]);
      } else if (need) {
        held = [];
        forget();
      }
    } else if (cmd === 'visitor' && typeof a === 'function') a(visitor());
  }

  var q = (w.tandem && w.tandem.q) || [];
  w.tandem = function () {
    api.apply(null, arguments);
  };
  w.tandem.visitorId = visitor;
  d.addEventListener(
    'submit',
    (e) => {
      field(e.target);
    },
    true,
  );
  // Single-page apps: a history change is a page view.
  var push = history.pushState;
  if (push)
    history.pushState = function () {
      push.apply(history, arguments);
      page();
    };
  w.addEventListener('popstate', page);
  page();
  for (var j = 0; j < q.length; j++) api.apply(null, q[j]);
  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', tagForms);
  else tagForms();
})(window, document);
