// The operator console: reads three JSON endpoints every two seconds and shows them. Plain
// script, no build step; every text from the server goes in through textContent, never as HTML.
(function () {
  'use strict';

  const REFRESH_MS = 2000;
  // a refresh that takes longer is given up, and the page says the instance does not answer
  const TIMEOUT_MS = 5000;
  const CREDENTIAL_KEY = 'matchmaking.console.credential';
  const $ = (id) => document.getElementById(id);

  let chart = null;
  let timer = null;
  let inFlight = null;
  // bumped by signing in and out: answers of a refresh begun before are dropped, so an old
  // credential's figures never show after a sign-out, nor its refusal after a sign-in
  let generation = 0;
  let announced = null;
  let lastAnswer = null;
  // after a sign-in, focus goes from the form (about to be hidden) to the figures
  let signingIn = false;
  // what each table shows now: rebuilt only when that changes, so a selection or a screen
  // reader's place in it survives the refreshes that change nothing
  const shown = new Map();
  const askedFirst = $('sign-in-reason').textContent;

  function credential() {
    return sessionStorage.getItem(CREDENTIAL_KEY);
  }

  class Refused extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  async function read(path, token, signal) {
    const headers = { Accept: 'application/json' };
    if (token) {
      headers.Authorization = 'Bearer ' + token;
    }
    // same-origin: behind a proxy that signs its users in with a cookie, the figures need it too
    const answer = await fetch(path, { headers, cache: 'no-store', credentials: 'same-origin', signal });
    if (answer.status === 401 || answer.status === 403) {
      const body = await answer.json().catch(() => ({}));
      throw new Refused(answer.status, body.error || answer.statusText);
    }
    if (!answer.ok) {
      throw new Error('HTTP ' + answer.status + ' from ' + path);
    }
    return answer.json();
  }

  async function refresh() {
    timer = null;
    if (document.hidden) {
      schedule(REFRESH_MS);
      return;
    }
    const mine = generation;
    const token = credential();
    const started = Date.now();
    const controller = new AbortController();
    const timeout = setTimeout(() => controller.abort(), TIMEOUT_MS);
    inFlight = controller;
    try {
      const [instance, queues, matches] = await Promise.all([
        read('console/api/instance', token, controller.signal),
        read('console/api/queues', token, controller.signal),
        read('console/api/matches', token, controller.signal)]);
      if (mine !== generation) {
        return;
      }
      showFigures();
      try {
        renderInstance(instance);
        renderQueues(queues.queues);
        renderMatches(matches);
      } catch (bug) {
        // the instance answered: this is the page's own fault, and it says so (in the browser's console too)
        console.error(bug);
        announce('The console could not show these figures (' + bug.message + ').', true);
        schedule(REFRESH_MS - (Date.now() - started));
        return;
      }
      lastAnswer = clock(new Date());
      $('updated').textContent = 'Updated ' + lastAnswer;
      announce('');
      schedule(REFRESH_MS - (Date.now() - started));
    } catch (error) {
      if (mine !== generation) {
        return;
      }
      if (error instanceof Refused) {
        askForCredential(error, token);
        return;
      }
      const why = error.name === 'AbortError' ? 'no answer within ' + TIMEOUT_MS / 1000 + ' s' : error.message;
      if (lastAnswer === null) {
        announce('This instance does not answer (' + why + '); trying again.', true);
      } else {
        announce('This instance does not answer (' + why + '): the figures below are from ' + lastAnswer
            + '; trying again.', true);
        $('updated').textContent = 'Last answer ' + lastAnswer;
      }
      schedule(REFRESH_MS - (Date.now() - started));
    } finally {
      clearTimeout(timeout);
      // one read failed: the others are no longer wanted
      controller.abort();
      if (inFlight === controller) {
        inFlight = null;
      }
    }
  }

  function schedule(delay) {
    if (timer === null) {
      timer = setTimeout(refresh, Math.max(0, delay));
    }
  }

  // drops whatever refresh is under way or waiting, and begins a new one at once
  function restart() {
    generation++;
    if (inFlight !== null) {
      inFlight.abort();
      inFlight = null;
    }
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    refresh();
  }

  // The live region is always there, so screen readers heed it, and speaks only when the state
  // changes (a problem, its end), never each refresh. A problem also shows as a banner.
  function announce(text, problem = false) {
    if (text !== announced) {
      announced = text;
      $('state').textContent = text;
      $('problem').textContent = problem ? text : '';
      $('problem').hidden = !problem;
    }
  }

  function showFigures() {
    $('sign-in').hidden = true;
    $('figures').hidden = false;
    $('sign-out').hidden = !credential();
    if (signingIn) {
      signingIn = false;
      $('main').focus();
    }
  }

  function askForCredential(refusal, token) {
    $('figures').hidden = true;
    $('sign-in').hidden = false;
    $('sign-out').hidden = true;
    $('updated').textContent = '';
    lastAnswer = null;
    signingIn = false;
    if (refusal.status === 403) {
      $('sign-in-reason').textContent = 'That credential may not read the console: ' + refusal.message + '.';
    } else if (token) {
      $('sign-in-reason').textContent = 'That credential was refused: enter the server credential.';
    } else {
      $('sign-in-reason').textContent = askedFirst;
    }
    // only the credential that was refused: one typed in meanwhile stays
    if (credential() === token) {
      sessionStorage.removeItem(CREDENTIAL_KEY);
    }
    announce('Waiting for the server credential.');
    $('credential').focus();
  }

  function renderInstance(instance) {
    $('store').textContent = instance.shutting_down ? 'shutting down'
        : instance.store_reachable ? 'reachable' : 'NOT reachable';
    $('store').className = instance.ready ? 'good' : 'bad';
    $('held').textContent = count(instance.held_long_polls);
    $('request-rate').textContent = decimal(instance.requests_per_second);
    $('error-rate').textContent = percent(instance.server_error_ratio) + ' (' + decimal(instance.server_errors_per_second) + '/s)';
    $('error-rate').className = instance.server_errors_per_second > 0 ? 'bad' : '';
    $('client-error-rate').textContent = decimal(instance.client_errors_per_second);
    $('uptime').textContent = duration(instance.uptime_seconds);
    $('rate-note').textContent = 'Rates of the API\'s answers over the last ' + instance.rate_window_seconds
        + ' seconds (health probes, scrapes and the console\'s own figures left out).';
  }

  function renderQueues(queues) {
    const rows = queues.map((queue) => row([
      queue.queue, count(queue.players_waiting), duration(queue.oldest_wait_seconds),
      queue.expected_wait_seconds === null ? 'not known yet' : duration(queue.expected_wait_seconds)], [1, 2, 3]));
    fill('queues', rows);
    $('queues-scroll').hidden = queues.length === 0;
    $('queues-empty').hidden = queues.length > 0;
  }

  function renderMatches(matches) {
    const minutes = matches.per_minute.map((m) => m.minute);
    const counts = matches.per_minute.map((m) => m.matches);
    // a minute without a match draws no bar rather than a flat one on the axis
    drawChart(minutes, counts.map((n) => (n === 0 ? null : n)));
    const current = counts[counts.length - 1];
    const peak = Math.max(...counts);
    $('last-hour').textContent = count(matches.last_hour) + ' matches';
    $('chart').setAttribute('aria-label', 'Matches formed per minute over the last hour: ' + matches.last_hour
        + ' in all, ' + current + ' so far this minute, at most ' + peak + ' in one minute.');
    fill('per-minute', matches.per_minute.slice().reverse().map((m) => row([minuteOf(m.minute), count(m.matches)], [1])));

    const time = matches.time_to_ready;
    $('p50').textContent = time ? seconds(time.p50_seconds) : '–';
    $('p95').textContent = time ? seconds(time.p95_seconds) : '–';
    $('p99').textContent = time ? seconds(time.p99_seconds) : '–';
    $('time-note').textContent = time ? 'Players of the matches this instance formed in about the last five minutes.'
        : 'This instance formed no match in about the last five minutes.';

    fill('latest', matches.latest.map((m) => row([
      clock(new Date(m.ready_at * 1000)), m.match_id, m.queue, m.players.join(', '), seconds(m.longest_wait_seconds)], [4])));
    $('latest-scroll').hidden = matches.latest.length === 0;
    $('latest-empty').hidden = matches.latest.length > 0;
  }

  function drawChart(minutes, counts) {
    const box = $('chart');
    if (chart === null) {
      chart = new uPlot({
        width: box.clientWidth,
        height: chartHeight(),
        legend: { show: false },
        cursor: { show: false },
        // half a minute either side, so the first and the current minute's bars are whole
        scales: {
          x: { time: true, range: (u, min, max) => [min - 30, max + 30] },
          y: { range: (u, min, max) => [0, Math.max(5, Math.ceil(max * 1.15))] },
        },
        axes: [{ values: (u, splits) => splits.map(minuteOf) }, { label: 'matches', size: 50, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000] }],
        series: [{}, {
          label: 'Matches per minute',
          stroke: '#1f5fa8',
          fill: 'rgba(31, 95, 168, 0.35)',
          paths: uPlot.paths.bars({ size: [0.7, 40] }),
          points: { show: false },
        }],
      }, [minutes, counts], box);
      new ResizeObserver(() => chart.setSize({ width: box.clientWidth, height: chartHeight() })).observe(box);
    } else {
      chart.setData([minutes, counts]);
    }
  }

  function chartHeight() {
    return window.innerWidth < 600 ? 180 : 240;
  }

  // puts rows in a table's body, unless it shows those very rows already
  function fill(table, rows) {
    const key = rows.map((tr) => tr.dataset.key).join('\n');
    if (shown.get(table) !== key) {
      shown.set(table, key);
      $(table).tBodies[0].replaceChildren(...rows);
    }
  }

  // a table row of texts; the columns listed in numeric are figures, aligned right
  function row(cells, numeric) {
    const tr = document.createElement('tr');
    cells.forEach((text, i) => {
      const td = document.createElement('td');
      td.textContent = text;
      if (numeric.includes(i)) {
        td.className = 'number';
      }
      tr.appendChild(td);
    });
    tr.dataset.key = JSON.stringify(cells);
    return tr;
  }

  function count(n) {
    return n.toLocaleString('en');
  }

  function decimal(n) {
    return n.toLocaleString('en', { maximumFractionDigits: 1 });
  }

  function percent(ratio) {
    return (ratio * 100).toLocaleString('en', { maximumFractionDigits: 2 }) + ' %';
  }

  function seconds(s) {
    return s < 10 ? s.toLocaleString('en', { maximumFractionDigits: 2 }) + ' s' : duration(Math.round(s));
  }

  function duration(totalSeconds) {
    const h = Math.floor(totalSeconds / 3600);
    const m = Math.floor((totalSeconds % 3600) / 60);
    const s = Math.floor(totalSeconds % 60);
    if (h > 0) {
      return h + ' h ' + m + ' min';
    }
    return m > 0 ? m + ' min ' + s + ' s' : s + ' s';
  }

  // times are the browser's own (its time zone is named in the header)
  function minuteOf(unixSeconds) {
    return new Date(unixSeconds * 1000).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  }

  function clock(date) {
    return date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
  }

  $('sign-in-form').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(CREDENTIAL_KEY, $('credential').value);
    $('credential').value = '';
    announce('');
    signingIn = true;
    restart();
  });
  $('sign-out').addEventListener('click', () => {
    sessionStorage.removeItem(CREDENTIAL_KEY);
    restart();
  });
  document.addEventListener('visibilitychange', () => {
    // a background tab stops asking; back in front, it asks at once rather than at its next turn
    if (!document.hidden && timer !== null) {
      clearTimeout(timer);
      timer = null;
      refresh();
    }
  });
  $('zone').textContent = 'Times in ' + Intl.DateTimeFormat().resolvedOptions().timeZone;
  refresh();
})();
