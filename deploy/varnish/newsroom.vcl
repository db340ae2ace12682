vcl 4.1;

# The edge in front of the newsroom's gateways. Public GraphQL answers (GET, no credentials)
# are cached for the max-age the gateway sets, and dropped by tag when content changes: the
# gateway names what each answer contains in `Surrogate-Key`, and its purge sink sends
# `BAN` with the changed tags in `X-Purge-Tags`.

import std;

backend gateway {
  .host = "127.0.0.1";
  .port = "4000";
}

acl purgers {
  "127.0.0.1";
  "::1";
}

sub vcl_recv {
  if (req.method == "BAN") {
    if (!client.ip ~ purgers) {
      return (synth(403, "Forbidden"));
    }
    if (!req.http.X-Purge-Tags) {
      return (synth(400, "X-Purge-Tags required"));
    }
    # Tags are words of letters, digits and ':' (cache-tags.ts): safe inside the regex. The ban
    # expression is split on spaces, hence [[:space:]] rather than a space in the pattern.
    if (!std.ban("obj.http.Surrogate-Key ~ (^|[[:space:]])(" + regsuball(std.tolower(req.http.X-Purge-Tags), " +", "|") + ")([[:space:]]|$)")) {
      return (synth(400, std.ban_error()));
    }
    return (synth(200, "Banned"));
  }
  # Operators scrape /metrics on the gateways themselves; the public never sees it.
  if (req.url ~ "^/metrics") {
    return (synth(404, "Not found"));
  }
  # Only anonymous reads are shared; anything with credentials goes straight to a gateway.
  if (req.method != "GET" && req.method != "HEAD") {
    return (pass);
  }
  if (req.http.Authorization || req.http.Cookie) {
    return (pass);
  }
  return (hash);
}

sub vcl_backend_response {
  # Tags are compared lower-case, whatever case the gateway used.
  if (beresp.http.Surrogate-Key) {
    set beresp.http.Surrogate-Key = std.tolower(beresp.http.Surrogate-Key);
  }
  # Private or uncacheable answers (errors, personal data) are never stored.
  if (beresp.http.Cache-Control !~ "public" || beresp.status != 200) {
    set beresp.uncacheable = true;
    set beresp.ttl = 120s;
    return (deliver);
  }
}

sub vcl_deliver {
  if (obj.hits > 0) {
    set resp.http.X-Edge-Cache = "HIT";
  } else {
    set resp.http.X-Edge-Cache = "MISS";
  }
}
