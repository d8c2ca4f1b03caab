"""The words and numbers the sandbox catalog is made of (platforms, products, types, rates,
decorations), modelled on real panels' ``services`` answers — written for this project, not
copied from any panel."""

from __future__ import annotations

UNLIMITED = 2147483647

# Rates are generated in USD and scaled for the panel's currency.
CURRENCY_FACTORS = {
    "USD": 1, "EUR": 0.92, "TRY": 32, "INR": 83, "BRL": 5, "RUB": 92,
    "UZS": 12500, "PKR": 280, "VND": 24000, "IDR": 15500, "NGN": 1500,
}  # fmt: skip


# (platform, product, type, USD rate range, min choices, max choices)
Template = tuple[str, str, str, tuple[float, float], tuple[int, ...], tuple[int, ...]]
MINS = (10, 20, 50, 100, 100, 200, 500, 1000)
MAXS = (1000, 5000, 10000, 50000, 100000, 500000, 1000000, 5000000, UNLIMITED)
CMIN = (1, 5, 10)
CMAX = (100, 1000, 5000, 10000)
ONE = (1,)
TEMPLATES: tuple[Template, ...] = (
    ("Instagram", "Followers", "Default", (0.2, 9.0), MINS, MAXS),
    ("Instagram", "Likes", "Default", (0.02, 2.5), MINS, MAXS),
    ("Instagram", "Reels Views", "Default", (0.001, 0.3), MINS, MAXS),
    ("Instagram", "Story Views", "Default", (0.01, 1.0), MINS, MAXS),
    ("Instagram", "Custom Comments", "Custom Comments", (2.0, 60.0), CMIN, CMAX),
    ("Instagram", "Comment Packages", "Custom Comments Package", (3.0, 90.0), ONE, ONE),
    ("Instagram", "Mentions", "Mentions", (1.0, 12.0), MINS, MAXS[:5]),
    ("Instagram", "Mentions + Hashtags", "Mentions with Hashtags", (1.5, 15.0), MINS, MAXS[:5]),
    ("Instagram", "Mentions Custom List", "Mentions Custom List", (2.0, 20.0), CMIN, CMAX),
    ("Instagram", "Hashtag Mentions", "Mentions Hashtag", (1.0, 10.0), MINS, MAXS[:5]),
    (
        "Instagram",
        "Mentions [User Followers]",
        "Mentions User Followers",
        (1.0, 10.0),
        MINS,
        MAXS[:5],
    ),
    (
        "Instagram",
        "Mentions [Media Likers]",
        "Mentions Media Likers",
        (1.0, 10.0),
        MINS,
        MAXS[:5],
    ),
    ("Instagram", "Comment Likes", "Comment Likes", (0.5, 8.0), MINS, MAXS[:6]),
    ("Instagram", "Auto Likes", "Subscriptions", (0.5, 6.0), MINS, MAXS[:7]),
    ("Instagram", "Auto Story Views Packages", "Package", (3.0, 120.0), ONE, ONE),
    ("TikTok", "Followers", "Default", (0.3, 8.0), MINS, MAXS),
    ("TikTok", "Likes", "Default", (0.03, 2.0), MINS, MAXS),
    ("TikTok", "Video Views", "Default", (0.001, 0.1), MINS, MAXS),
    ("TikTok", "Live Stream Views", "Default", (0.5, 30.0), MINS, MAXS[:5]),
    ("TikTok", "Custom Comments", "Custom Comments", (3.0, 40.0), CMIN, CMAX),
    ("TikTok", "Shares", "Special", (0.05, 1.5), MINS, MAXS),
    ("YouTube", "Views", "Default", (0.5, 6.0), MINS, MAXS),
    ("YouTube", "Subscribers", "Default", (5.0, 60.0), MINS, MAXS[:6]),
    ("YouTube", "Likes", "Default", (0.5, 8.0), MINS, MAXS[:7]),
    ("YouTube", "Comment Replies", "Comment Replies", (5.0, 50.0), CMIN, CMAX),
    ("YouTube", "Search SEO Ranking", "SEO", (1.0, 20.0), MINS, MAXS[:5]),
    ("YouTube", "Live Stream Viewers", "default", (1.0, 40.0), MINS, MAXS[:5]),
    ("X / Twitter", "Followers", "Default", (0.8, 20.0), MINS, MAXS[:7]),
    ("X / Twitter", "Likes", "Default", (0.5, 6.0), MINS, MAXS[:7]),
    ("X / Twitter", "Poll Votes", "Poll", (0.5, 6.0), MINS, MAXS[:6]),
    ("Telegram", "Members", "Default", (0.5, 9.0), MINS, MAXS[:8]),
    ("Telegram", "Post Views", "Default", (0.005, 0.2), MINS, MAXS),
    (
        "Telegram",
        "Members [Invites from Groups]",
        "Invites from Groups",
        (2.0, 15.0),
        MINS,
        MAXS[:6],
    ),
    ("Telegram", "Auto Post Views", "Subscriptions", (0.05, 2.0), MINS, MAXS[:7]),
    ("Telegram", "Poll Votes", "Poll", (0.3, 4.0), MINS, MAXS[:6]),
    ("Facebook", "Page Likes", "Default", (1.0, 12.0), MINS, MAXS[:7]),
    ("Facebook", "Video Views", "Default", (0.1, 3.0), MINS, MAXS),
    ("Facebook", "Monetization Packages", "Package", (10.0, 250.0), ONE, ONE),
    ("Spotify", "Plays", "Default", (0.2, 2.0), MINS, MAXS),
    ("Spotify", "Followers", "Default", (0.5, 4.0), MINS, MAXS[:7]),
    ("Spotify", "Packages", "Package", (3.0, 200.0), ONE, ONE),
    ("Twitch", "Followers", "Default", (0.5, 6.0), MINS, MAXS[:6]),
    ("Twitch", "Live Stream Viewers", "Default", (0.5, 30.0), MINS, MAXS[:4]),
    ("Discord", "Server Members", "Default", (2.0, 25.0), MINS, MAXS[:6]),
    ("Website Traffic", "Visitors", "Web Traffic", (0.05, 2.0), MINS, MAXS),
    ("Website Traffic", "Organic Keywords", "SEO", (1.0, 15.0), MINS, MAXS[:5]),
    ("Threads", "Followers", "Default", (0.5, 6.0), MINS, MAXS[:6]),
)
ALL_TYPES = tuple(dict.fromkeys(t[2] for t in TEMPLATES))
# Default services dominate real catalogs: weight their templates when picking blocks.
WEIGHTED = tuple(i for i, t in enumerate(TEMPLATES) for _ in range(6 if t[2] == "Default" else 1))
QUALITY = (
    "Real Accounts", "HQ Accounts", "LQ Accounts", "Old Accounts", "Real &amp; Active Accounts",
    "Accounts with Profile Photos", "100% Real Users", "Bot Accounts", "Mixed Quality",
    "𝐏𝐫𝐞𝐦𝐢𝐮𝐦 Accounts", "Non Drop", "Low Drop", "Drop 0-10%",
)  # fmt: skip
GEO = ("", "", "", "", " [ Worldwide 🌍 ]", " [ Turkey 🇹🇷 ]", " [ USA 🇺🇸 ]", " [ India 🇮🇳 ]",
        " [ Brazil 🇧🇷 ]")  # fmt: skip
START = (
    "Instant Start",
    "Instant Start 🚀",
    "0-1 Hour",
    "0-6 Hours",
    "Instan Start",
    "1-12 Hours",
)
TAGS = ("", "", " ᴺᴱᵂ", " [ Cheapest 💥 ]", " [ Recommended ⭐ ]", " [ HQ ] ᴺᴱᵂ",
         " [ Best ⭐️ ] ᴺᴱᵂ", " ⚡", " ♻️", " [ S2 ]", " ʀᴇᴀʟ", " - SV1")  # fmt: skip
SPEEDS = ("1K", "5K", "10K", "20K", "50K", "100K", "1M")
JUNK = ("tktk", "tktkkr3", "private 2", "test", "Private service - do not order")
DESCRIPTIONS = (
    "Start: 0-1 hours\nSpeed: 5K-10K/day\nRefill: 30 days\nLink: post or profile URL",
    "⚠️ Account must be public.\nNo refill for drops under 10%.",
    "Real &amp; active users.\nDo not place two orders for the same link at once.",
)
