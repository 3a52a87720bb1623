"""Shared setup of the sync-worker benchmarks: an environment whose default Exchange Online profile points at the
exchange-simulator, N users (each with a mailbox on that profile, no approval needed), profile-wide Test & Enable
runs with progress, and samples of a process' CPU time and memory. Standard library only; every call goes through
the public HTTP APIs of the running system (./exsync up --no-demo)."""
import json
import os
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "infra", "demo"))
from demo import call, token, until  # noqa: E402  (the demo's HTTP helpers)

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PROFILE, MAILBOX, WORKER, SIMULATOR = ("http://127.0.0.1:8081", "http://127.0.0.1:8082", "http://127.0.0.1:8084",
                                       "http://127.0.0.1:8089")
APP, APP_SECRET, PASSWORD = "exsync-bench-app", "bench-app-secret", "bench-mailbox-pw"


def exsync(*args, env=None):
    """Runs ./exsync with the given arguments (e.g. start/stop of a service instance); fails loudly."""
    merged = dict(os.environ, **(env or {}))
    result = subprocess.run([os.path.join(ROOT, "exsync"), *args], env=merged, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"./exsync {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def psql(database, sql):
    """One query as the postgres superuser on the local server; its unaligned output, or None when it failed."""
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-At", "-c", sql],
                         capture_output=True, text=True)
    return out.stdout.strip() if out.returncode == 0 else None


def pid_of(name):
    with open(os.path.join(ROOT, ".exsync", "run", f"{name}.pid")) as f:
        return int(f.read().strip())


class Fleet:
    """An environment with `count` mailboxes on its default (Graph) profile, all behaving as `mix` says."""

    def __init__(self, count, mix, latency_ms, max_connections):
        for url in (PROFILE, MAILBOX, WORKER, SIMULATOR):
            try:
                call("GET", f"{url}/q/health/ready")
            except Exception as error:  # noqa: BLE001 - any failure means the system is not running
                raise SystemExit(f"{url} is not ready ({error}); start the system: ./exsync up --no-demo")
        self.tenant = f"bench-{uuid.uuid4().hex[:8]}"
        _, info, _ = call("GET", f"{SIMULATOR}/admin/info")
        call("PUT", f"{SIMULATOR}/admin/scenario", body={"latencyMs": latency_ms, "tenants": [
            {"id": self.tenant, "apps": [{"clientId": APP, "clientSecret": APP_SECRET}]}], "mailboxes": []})
        _, generated, _ = call("POST", f"{SIMULATOR}/admin/scenario/generate", body={
            "tenant": self.tenant, "count": count, "domain": f"{self.tenant}.example.com", "password": PASSWORD,
            "mix": mix, "seed": 11})
        self.emails = [g["email"] for g in generated["mailboxes"]]
        self.admin = str(uuid.uuid4())
        self.token = token(ROOT, self.admin, self.tenant, "GlobalAdministrator,ExchangeAdministrator")
        _, env, _ = call("POST", f"{PROFILE}/api/v1/environments", self.token, {
            "name": "Bench", "tenantId": self.tenant, "deployment": "ONLINE", "version": "9.2.22104.00170",
            "exchangeOnlineTenantId": self.tenant})
        self.env_id, self.profile_id = env["id"], env["defaultProfileId"]
        self.p = f"{PROFILE}/api/v1/environments/{self.env_id}"
        self.m = f"{MAILBOX}/api/v1/environments/{self.env_id}"
        call("PATCH", f"{self.p}/profiles/{self.profile_id}", self.token, {
            "clientId": APP, "exchangeOnlineTenantId": self.tenant, "credentials": {"clientSecret": APP_SECRET},
            "authorityHost": info["authorityHost"], "defaultServerLocation": info["graphBaseUrl"].removesuffix("/v1.0"),
            "maxConcurrentConnections": max_connections})
        _, settings, _ = call("GET", f"{self.p}/email-settings", self.token)
        settings.update(processEmailsOnlyForApprovedUsers=False, processEmailsOnlyForApprovedQueues=False,
                        incomingDeliveryMethod="SERVER_SIDE_SYNC", outgoingDeliveryMethod="SERVER_SIDE_SYNC",
                        actDeliveryMethod="SERVER_SIDE_SYNC")
        call("PUT", f"{self.p}/email-settings", self.token, settings)
        first = {}

        def register_first():  # 404 until mailbox-service has the environment and its email settings
            status, user, _ = call("POST", f"{self.m}/users", self.token, {
                "fullName": "Bench User 1", "email": self.emails[0], "userPrincipalName": self.emails[0]},
                ok=(201, 404))
            first.update(user if status == 201 else {})
            return status == 201

        until("mailbox-service to know the environment and its settings", register_first, 60)
        started = time.time()

        def register(i_email):
            i, email = i_email
            _, user, _ = call("POST", f"{self.m}/users", self.token,
                              {"fullName": f"Bench User {i + 1}", "email": email, "userPrincipalName": email})
            return user["mailboxId"]

        with ThreadPoolExecutor(16) as pool:
            self.mailbox_ids = [first["mailboxId"]] + list(pool.map(register, list(enumerate(self.emails))[1:]))
        self.setup_seconds = time.time() - started
        print(f"environment {self.env_id}: {len(self.mailbox_ids)} mailboxes on profile {self.profile_id} "
              f"registered in {self.setup_seconds:.1f} s (simulator latency {latency_ms} ms)", flush=True)

    def set_max_connections(self, n):
        call("PATCH", f"{self.p}/profiles/{self.profile_id}", self.token, {"maxConcurrentConnections": n})

    def start_profile_run(self):
        _, _, headers = call("POST", f"{self.p}/profiles/{self.profile_id}/test-and-enable", self.token)
        return headers["Location"]

    def job(self, location):
        status, job, _ = call("GET", location, self.token, ok=(200, 404))
        return job if status == 200 else None

    def wait(self, location, expected_total, timeout=1800, on_progress=None):
        """Polls the job until it is COMPLETED with the expected total; prints a progress line."""
        started, job = time.time(), None
        while time.time() - started < timeout:
            job = self.job(location)
            if job:
                total = "?" if job["total"] is None else job["total"]  # a profile run before its fan-out
                sys.stdout.write(f"\r  {job['state']:9} {job['completed']:6}/{total:<6} "
                                 f"ok {job['succeeded']:6} failed {job['failed']:5} retrying {job['retrying']:5} "
                                 f"{time.time() - started:6.1f} s")
                sys.stdout.flush()
                if on_progress:
                    on_progress(job)
                if job["state"] == "COMPLETED" and job["total"] == expected_total:
                    print()
                    return job
            time.sleep(0.5)
        print()
        raise SystemExit(f"job {location} did not complete within {timeout} s: {json.dumps(job)}")

    def results(self, location):
        items, page = [], 0
        while True:
            _, body, _ = call("GET", f"{location}/results?size=500&page={page}", self.token)
            items += body["items"]
            if (page + 1) * 500 >= body["total"]:
                return items
            page += 1


class ProcessSampler:
    """CPU seconds (utime + stime) and resident memory of one process, read from /proc."""

    def __init__(self, pid):
        self.pid = pid
        self.ticks = os.sysconf("SC_CLK_TCK")

    def cpu_seconds(self):
        with open(f"/proc/{self.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / self.ticks

    def memory_mib(self):
        values = {}
        with open(f"/proc/{self.pid}/status") as f:
            for line in f:
                key, _, rest = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    values[key] = int(rest.split()[0]) / 1024
        return values["VmRSS"], values["VmHWM"]
