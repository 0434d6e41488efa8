"""The simulated people: each signs in once, then reads and writes as a colleague would, on either app server.

Every request is recorded (`Request`): what kind it was, which port answered, its status or the connection error,
and when it started and ended, so that the verdict can tell errors inside the outage from errors outside it. A
connection the server dropped before answering is tried once more, as a browser does (the worker that held it was
killed, or it closed a kept-alive connection just as it was reused); the record says so. A form sent twice that
way is saved once: the forum's forms carry a submission key, and a reaction or a registration is made only once.
Every write the site acknowledged (a redirect after the POST, as the site answers a saved form) is recorded with
what identifies it in the database (`Write`): a thread's or reply's token, a reaction's post, an event.

People pause between actions as people do; nobody posts faster than the forum's limit allows, because a refused
post would prove nothing.
"""

import random
import re
import string
import threading
import time
from collections import deque
from dataclasses import asdict, dataclass, field
from html import unescape

import requests

REQUEST_TIMEOUT = 30  # seconds; gunicorn's own timeout is 30
# Seconds between one page and the next: reading, typing. Busy people on a fast intranet, not a benchmark.
THINK_SECONDS = (1.0, 4.0)
# The forum refuses a seventh post within a minute (FORUM_POSTS_PER_MINUTE); people here stay well below it.
POSTS_PER_MINUTE = 4
# How often each action is chosen, as weights; a write that cannot be made (no form, no post to react to) reads.
ACTIONS = {
    "start": 8,
    "forum": 14,
    "thread": 24,
    "page": 6,
    "search": 12,
    "notifications": 5,
    "event": 6,
    "new_thread": 5,
    "reply": 12,
    "helpful": 6,
    "register": 4,
}
TOPICS = [
    "orosanmälningar från förskolan",
    "samtal med barn som upplevt våld",
    "stöd till föräldrar efter separation",
    "hedersrelaterat förtryck i skolan",
    "samverkan med polisen",
    "våldsutövare som vill ha hjälp",
    "kampanjmånadens föreläsningar",
    "skyddsbedömningar",
]

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SUBMISSION_KEY = re.compile(r'name="submission_key" value="([^"]+)"')
HELPFUL_FORM = re.compile(r'action="/forum/inlagg/(\d+)/hjalpsamt/".*?name="helpful" value="([01])"', re.DOTALL)
THREAD_LINK = re.compile(r'href="/forum/trad/(\d+)/"')


@dataclass
class Request:
    person: int
    kind: str
    method: str
    port: int
    started: float
    ended: float
    status: int | None = None  # None: no answer (connection refused or reset, timeout)
    error: str = ""
    retried_after: str = ""  # the dropped connection that made it try once more


@dataclass
class Write:
    """A write the site acknowledged, and what finds it in the database."""

    kind: str  # thread, reply, helpful, registration
    person: str  # the e-mail address of who wrote it
    status: int
    at: float
    token: str = ""
    thread: int | None = None
    category: int | None = None
    post: int | None = None
    event: int | None = None
    mentions: list = field(default_factory=list)


class Records:
    """What every person did; appended to from many threads (list.append is atomic in CPython)."""

    def __init__(self, clock):
        self.clock = clock
        self.requests = []
        self.writes = []
        self.refused = []  # writes answered with the form again: the site said no, and why

    def as_json(self):
        return {
            "requests": [asdict(request) for request in self.requests],
            "writes": [asdict(write) for write in self.writes],
            "refused": self.refused,
        }


def token(rng):
    """Letters only, so that the personal-data guard never mistakes it for a number."""
    return "soak" + "".join(rng.choices(string.ascii_lowercase, k=10))


class Person:
    def __init__(self, number, account, password, world, ports, records, seed):
        self.number = number
        self.email = account["email"]
        self.password = password
        self.world = world
        self.ports = ports
        self.records = records
        self.clock = records.clock
        self.rng = random.Random(seed)  # noqa: S311 - a made-up person's choices, not a secret
        self.session = requests.Session()
        self.session.headers["User-Agent"] = f"kunskapsforum-soak/{number}"
        self.others = [person for person in world["people"] if person["email"] != self.email]
        self.threads = list(world["threads"])
        self.helpful_candidates = set()
        self.marked_helpful = set()
        self.registered = set()
        self.posted_at = deque()

    # --- requests --------------------------------------------------------------------------------------------

    def request(self, kind, method, path, **options):
        """One request to either app server; returns the response, or None when no answer came."""
        port = self.rng.choice(self.ports)
        record = Request(self.number, kind, method, port, self.clock(), self.clock())
        for attempt in (1, 2):
            try:
                response = self.session.request(
                    method,
                    f"http://127.0.0.1:{port}{path}",
                    timeout=REQUEST_TIMEOUT,
                    allow_redirects=False,
                    **options,
                )
            except requests.ConnectionError as error:
                record.error = f"{type(error).__name__}: {error}"[:300]
                if attempt == 1 and dropped(error):
                    record.retried_after, record.error = record.error, ""
                    continue
            except requests.RequestException as error:
                record.error = f"{type(error).__name__}: {error}"[:300]
            else:
                record.status = response.status_code
                record.ended = self.clock()
                self.records.requests.append(record)
                return response
            break
        record.ended = self.clock()
        self.records.requests.append(record)
        return None

    def get(self, kind, path, **options):
        response = self.request(kind, "GET", path, **options)
        return response if response is not None and response.status_code == 200 else None

    def post(self, kind, path, data):
        """Send a form; a redirect is the site's acknowledgement, which a browser then follows."""
        response = self.request(kind, "POST", path, data=data)
        if response is None:
            return None
        if response.is_redirect:
            self.get("after_write", response.headers["Location"])
        elif response.status_code == 200:
            self.records.refused.append(
                {"person": self.email, "kind": kind, "path": path, "reason": form_errors(response.text)}
            )
        return response

    # --- a session -------------------------------------------------------------------------------------------

    def sign_in(self):
        page = self.get("login_form", "/logga-in/")
        if page is None:
            return False
        data = {"csrfmiddlewaretoken": csrf(page.text), "username": self.email, "password": self.password}
        response = self.request("login", "POST", "/logga-in/", data=data)
        return response is not None and response.status_code == 302

    def live(self, until):
        while self.clock() < until:
            action = self.rng.choices(list(ACTIONS), weights=list(ACTIONS.values()))[0]
            getattr(self, f"do_{action}")()
            time.sleep(self.rng.uniform(*THINK_SECONDS))

    # --- reading ---------------------------------------------------------------------------------------------

    def do_start(self):
        self.get("start", "/")

    def do_forum(self):
        category = self.rng.choice([None, *self.world["categories"]])
        page = self.get("forum", f"/forum/?kategori={category['slug']}" if category else "/forum/")
        if page is not None:
            # Threads others started during the run become threads to read and answer.
            self.threads.extend(int(pk) for pk in set(THREAD_LINK.findall(page.text)) - set(map(str, self.threads)))

    def do_thread(self):
        page = self.get("thread", f"/forum/trad/{self.rng.choice(self.threads)}/")
        if page is not None:
            for post, value in HELPFUL_FORM.findall(page.text):
                if value == "1" and int(post) not in self.marked_helpful:
                    self.helpful_candidates.add(int(post))

    def do_page(self):
        self.get("page", self.rng.choice(self.world["pages"]))

    def do_search(self):
        self.get("search", "/sok/", params={"q": self.rng.choice(self.world["searches"])})

    def do_notifications(self):
        self.get("notifications", "/forum/notiser/")

    def do_event(self):
        self.get("event", self.rng.choice(self.world["events"])["url"])

    # --- writing ---------------------------------------------------------------------------------------------

    def may_post(self):
        """Whether one more post stays within POSTS_PER_MINUTE."""
        now = self.clock()
        while self.posted_at and self.posted_at[0] < now - 60:
            self.posted_at.popleft()
        return len(self.posted_at) < POSTS_PER_MINUTE

    def do_new_thread(self):
        if not self.may_post():
            return self.do_thread()
        category = self.rng.choice(self.world["categories"])
        form = self.get("new_thread_form", f"/forum/ny/?kategori={category['slug']}")
        if form is None:
            return None
        mark = token(self.rng)
        topic = self.rng.choice(TOPICS)
        data = {
            "csrfmiddlewaretoken": csrf(form.text),
            "submission_key": submission_key(form.text),
            "title": f"Hur gör ni med {topic}? ({mark})",
            "kind": self.rng.choice(["question", "idea", "experience", "collaboration"]),
            "category": category["pk"],
            "tags": "",
            "body": f"Vi ser över våra rutiner för {topic} och vill höra hur andra kommuner gör.\n\nMärkning: {mark}",
            "knowledge_page": "",
        }
        self.posted_at.append(self.clock())
        response = self.post("new_thread", "/forum/ny/", data)
        if response is not None and response.is_redirect:
            self.records.writes.append(
                Write("thread", self.email, response.status_code, self.clock(), token=mark, category=category["pk"])
            )
            found = re.search(r"/forum/trad/(\d+)/", response.headers["Location"])
            if found:
                self.threads.append(int(found.group(1)))
        return None

    def do_reply(self):
        if not self.may_post():
            return self.do_thread()
        thread = self.rng.choice(self.threads)
        form = self.get("reply_form", f"/forum/trad/{thread}/svara/")
        if form is None:
            return None
        mark = token(self.rng)
        mentioned = self.rng.choice(self.others) if self.rng.random() < 0.5 else None
        body = f"Vi har provat något liknande i vår kommun och det fungerade bra.\n\nMärkning: {mark}"
        if mentioned:
            body += f"\n\nVad tror du, @{mentioned['handle']}?"
        data = {
            "csrfmiddlewaretoken": csrf(form.text),
            "submission_key": submission_key(form.text),
            "body": body,
            "quoted": "",
        }
        self.posted_at.append(self.clock())
        response = self.post("reply", f"/forum/trad/{thread}/svara/", data)
        if response is not None and response.is_redirect:
            self.records.writes.append(
                Write(
                    "reply",
                    self.email,
                    response.status_code,
                    self.clock(),
                    token=mark,
                    thread=thread,
                    mentions=[mentioned["email"]] if mentioned else [],
                )
            )
        return None

    def do_helpful(self):
        candidates = sorted(self.helpful_candidates - self.marked_helpful)
        if not candidates:
            return self.do_thread()
        post = self.rng.choice(candidates)
        # The thread page's form carries the token a browser would send; the cookie holds the same secret.
        data = {"csrfmiddlewaretoken": self.session.cookies.get("csrftoken"), "helpful": "1"}
        response = self.post("helpful", f"/forum/inlagg/{post}/hjalpsamt/", data)
        if response is not None and response.is_redirect:
            self.marked_helpful.add(post)
            self.records.writes.append(Write("helpful", self.email, response.status_code, self.clock(), post=post))
        return None

    def do_register(self):
        open_events = [event for event in self.world["events"] if event["pk"] not in self.registered]
        if not open_events:
            return self.do_event()
        event = self.rng.choice(open_events)
        page = self.get("event", event["url"])
        if page is None:
            return None
        path = f"/kampanjmanaden/evenemang/{event['pk']}/anmal/"
        response = self.post("register", path, {"csrfmiddlewaretoken": csrf(page.text), "next": event["url"]})
        if response is not None and response.is_redirect:
            self.registered.add(event["pk"])
            self.records.writes.append(
                Write("registration", self.email, response.status_code, self.clock(), event=event["pk"])
            )
        return None


def dropped(error):
    """Whether the server closed or reset a connection it had accepted (not: refused one, or was too slow)."""
    text = str(error)
    return "Connection aborted" in text or "Connection reset" in text or "RemoteDisconnected" in text


def csrf(html):
    found = CSRF_INPUT.search(html)
    return found.group(1) if found else ""


def submission_key(html):
    found = SUBMISSION_KEY.search(html)
    return found.group(1) if found else ""


def form_errors(html):
    """The first lines of the page's error summary, to say why a write was refused."""
    found = re.search(r'class="[^"]*error-summary[^"]*".*?</(?:div|section)>', html, re.DOTALL)
    text = re.sub(r"<[^>]+>", " ", found.group(0)) if found else "no error summary on the page"
    return " ".join(unescape(text).split())[:300]


def sign_in_everyone(people, attempts=3):
    """Sign everyone in before the clock starts (a sign-in costs a deliberately slow password hash)."""
    failed = []

    def sign_in(person):
        for _attempt in range(attempts):
            if person.sign_in():
                return
        failed.append(person.email)

    threads = [threading.Thread(target=sign_in, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return failed


def run_people(people, until):
    threads = [threading.Thread(target=person.live, args=(until,), daemon=True) for person in people]
    for thread in threads:
        thread.start()
    return threads
