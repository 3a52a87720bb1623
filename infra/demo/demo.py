#!/usr/bin/env python3
"""The ExSync demo run of `./exsync up`: a demo environment against the exchange-simulator, N users and queues with a
realistic mix of mailbox behaviours, approvals through the permission model, a profile-wide Test & Enable with a live
progress bar, and a summary. Standard library only; every call goes through the public HTTP APIs."""
import argparse
import json
import random
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

TENANT = "contoso-demo"
APP, APP_SECRET, MAILBOX_PASSWORD = "exsync-demo-app", "demo-app-secret", "demo-mailbox-pw"


def call(method, url, token=None, body=None, ok=(200, 201, 202, 204)):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Accept", "application/json")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            raw = response.read()
            return response.status, (json.loads(raw) if raw else None), response.headers
    except urllib.error.HTTPError as error:
        raw = error.read()
        if error.code in ok:
            return error.code, (json.loads(raw) if raw else None), error.headers
        raise SystemExit(f"{method} {url} -> {error.code}: {raw[:500].decode(errors='replace')}")


def token(root, sub, tenant, groups=None, service=False):
    args = [f"{root}/exsync", "token", "--tid", tenant, "--expires-in", "7200"]
    args += ["--service"] if service else ["--sub", sub]
    if groups:
        args += ["--groups", groups]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout.strip()


def until(what, check, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if check():
            return
        time.sleep(0.5)
    raise SystemExit(f"timed out waiting for {what}")


def bar(done, total, started, width=40):
    rate = done / max(time.time() - started, 1e-6)
    eta = (total - done) / rate if rate > 0 else float("inf")
    filled = int(width * done / max(total, 1))
    eta_text = f"{eta:5.0f}s" if eta != float("inf") else "    ?"
    return f"\r  [{'#' * filled}{'.' * (width - filled)}] {done}/{total}  {rate:6.1f}/s  ETA {eta_text}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--root", required=True)
    parser.add_argument("--mailboxes", type=int, default=500)
    parser.add_argument("--mix", default="ok=0.80,throttle=0.05,flaky=0.05,unauthorized=0.03,not_found=0.03,"
                                         "no_exchange_license=0.02,down=0.02")
    parser.add_argument("--profile", default="http://127.0.0.1:8081")
    parser.add_argument("--mailbox", default="http://127.0.0.1:8082")
    parser.add_argument("--approval", default="http://127.0.0.1:8083")
    parser.add_argument("--worker", default="http://127.0.0.1:8084")
    parser.add_argument("--simulator", default="http://127.0.0.1:8089")
    a = parser.parse_args()
    mix = {k: float(v) for k, v in (p.split("=") for p in a.mix.split(","))}
    random.seed(7)

    print(f"Demo: {a.mailboxes} mailboxes, behaviours {mix}")
    _, info, _ = call("GET", f"{a.simulator}/admin/info")
    call("PUT", f"{a.simulator}/admin/scenario", body={"latencyMs": 5, "tenants": [
        {"id": TENANT, "apps": [{"clientId": APP, "clientSecret": APP_SECRET}]}], "mailboxes": []})
    _, generated, _ = call("POST", f"{a.simulator}/admin/scenario/generate", body={
        "tenant": TENANT, "count": a.mailboxes, "domain": "contoso.com", "password": MAILBOX_PASSWORD, "mix": mix,
        "seed": 7})

    admin = str(uuid.uuid4())
    admin_token = token(a.root, admin, TENANT, "GlobalAdministrator,ExchangeAdministrator")
    _, env, _ = call("POST", f"{a.profile}/api/v1/environments", admin_token, {
        "name": "Contoso (demo)", "tenantId": TENANT, "deployment": "ONLINE", "version": "9.2.22104.00170",
        "exchangeOnlineTenantId": TENANT})
    env_id, online = env["id"], env["defaultProfileId"]
    p, m, ap = (f"{a.profile}/api/v1/environments/{env_id}", f"{a.mailbox}/api/v1/environments/{env_id}",
                f"{a.approval}/api/v1/environments/{env_id}")
    print(f"  environment {env_id}; default profile 'Microsoft Exchange Online' {online}")
    call("PATCH", f"{p}/profiles/{online}", admin_token, {
        "clientId": APP, "exchangeOnlineTenantId": TENANT, "credentials": {"clientSecret": APP_SECRET},
        "authorityHost": info["authorityHost"], "defaultServerLocation": info["graphBaseUrl"].removesuffix("/v1.0"),
        "sendAlertEmailToOwner": True})
    _, ews, _ = call("POST", f"{p}/profiles", admin_token, {
        "name": "Contoso Exchange Server", "serverType": "EXCHANGE_SERVER", "useAutodiscover": False,
        "defaultServerLocation": info["ewsUrl"], "credentials": {"username": "user1@contoso.com",
                                                                  "password": MAILBOX_PASSWORD}})
    _, imap, _ = call("POST", f"{p}/profiles", admin_token, {
        "name": "Contoso IMAP", "serverType": "IMAP_SMTP",
        "incomingServer": {"host": "127.0.0.1", "port": info["imapPort"], "useSsl": False},
        "outgoingServer": {"host": "127.0.0.1", "port": info["smtpPort"], "useSsl": False}})
    print(f"  profiles: Exchange Online (Graph), Exchange Server (EWS) {ews['id']}, IMAP {imap['id']}")

    until("mailbox-service to know the environment",
          lambda: call("GET", f"{m}/mailboxes?size=1", admin_token, ok=(200, 404))[0] == 200)
    emails = [g["email"] for g in generated["mailboxes"]]
    queues = max(1, len(emails) // 20)

    def register(i_email):
        i, email = i_email
        if i < queues:
            _, q, _ = call("POST", f"{m}/queues", admin_token, {"name": f"Queue {i + 1}", "email": email})
            return q["mailboxId"]
        _, u, _ = call("POST", f"{m}/users", admin_token, {"fullName": f"Demo User {i + 1}", "email": email,
                                                            "userPrincipalName": email})
        return u["mailboxId"]

    started = time.time()
    with ThreadPoolExecutor(8) as pool:
        mailbox_ids = list(pool.map(register, enumerate(emails)))
    print(f"  {len(mailbox_ids) - queues} users and {queues} queues registered in {time.time() - started:.1f} s")

    def approve(mailbox_id):
        until(f"approval-service to know mailbox {mailbox_id}", lambda: call(
            "POST", f"{ap}/mailboxes/{mailbox_id}/approve", admin_token, ok=(200, 204, 404, 409))[0] != 404, 60)

    started = time.time()
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(approve, mailbox_ids))
    print(f"  approved as Global + Exchange administrator with System Administrator (rule R1) "
          f"in {time.time() - started:.1f} s")
    until("approvals to reach mailbox-service", lambda: call(
        "GET", f"{m}/mailboxes?approval=PENDING_APPROVAL&size=1", admin_token)[1]["total"] == 0, 120)

    _, job, headers = call("POST", f"{p}/profiles/{online}/test-and-enable", admin_token)
    location = headers["Location"]
    print(f"  Test & Enable of the profile: job {location}")
    started, state = time.time(), {}
    while True:
        status, state, _ = call("GET", location, admin_token, ok=(200, 404))
        if status == 200:
            sys.stdout.write(bar(state["completed"], max(state["total"], 1), started))
            sys.stdout.flush()
            if state["state"] in ("COMPLETED", "CANCELLED"):
                break
        if time.time() - started > 900:
            print("\n  stopped waiting after 15 minutes")
            break
        time.sleep(1)
    print()

    outcomes, codes, statuses, page = Counter(), Counter(), Counter(), 0
    while True:
        _, results, _ = call("GET", f"{location}/results?size=500&page={page}", admin_token)
        for r in results["items"]:
            outcomes[r["outcome"]] += 1
            statuses[r["mailboxStatus"]] += 1
            if r.get("errorCode"):
                codes[r["errorCode"]] += 1
        if (page + 1) * 500 >= results["total"]:
            break
        page += 1
    _, alerts, _ = call("GET", f"{m}/alerts?size=500", admin_token)
    top = Counter((x["level"], x["code"]) for x in alerts["items"]).most_common(5)

    print("\nSummary")
    print(f"  job: {state.get('state')}  total {state.get('total')}  succeeded {state.get('succeeded')}  "
          f"failed {state.get('failed')}  in {time.time() - started:.1f} s")
    print("  mailbox status:  " + "  ".join(f"{k} {v}" for k, v in sorted(statuses.items())))
    print("  error codes:     " + ("  ".join(f"{k} {v}" for k, v in codes.most_common()) or "none"))
    print("  top alerts:      " + ("  ".join(f"{lvl}/{code} {n}" for (lvl, code), n in top) or "none"))
    print(f"\nWhere to look next")
    print(f"  fleet page:   {a.mailbox}/fleet/#environment={env_id}  (token: ./exsync token --sub {admin} --tid {TENANT})")
    print(f"  Swagger UIs:  {a.profile}/q/swagger-ui  {a.mailbox}/q/swagger-ui  {a.approval}/q/swagger-ui  "
          f"{a.worker}/q/swagger-ui")
    print(f"  alerts:       ./exsync tail exsync.alert.events --from-beginning")
    print(f"  the job:      curl -H \"Authorization: Bearer $(./exsync token --sub {admin} --tid {TENANT})\" {location}")


if __name__ == "__main__":
    main()
