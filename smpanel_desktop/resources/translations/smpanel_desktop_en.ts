<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>Cannot open that panel: {error}</source>
        <translation>Cannot open that panel: {error}</translation>
    </message>
    <message>
        <source>Orders being sent when the app last stopped: {count}. They may have been placed: see Orders ▸ Resolve.</source>
        <translation>Orders being sent when the app last stopped: {count}. They may have been placed: see Orders ▸ Resolve.</translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <source>{what} failed: {error}</source>
        <translation>{what} failed: {error}</translation>
    </message>
    <message numerus="yes">
        <source>Catalog refreshed: %Ln service(s)</source>
        <translation>
            <numerusform>Catalog refreshed: %Ln service</numerusform>
            <numerusform>Catalog refreshed: %Ln services</numerusform>
        </translation>
    </message>
    <message>
        <source>Catalog refresh</source>
        <translation>Catalog refresh</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Balance</translation>
    </message>
</context>
<context>
    <name>BalanceChart</name>
    <message>
        <source>Balance history</source>
        <translation>Balance history</translation>
    </message>
    <message>
        <source>Balance history: no balance fetched yet</source>
        <translation>Balance history: no balance fetched yet</translation>
    </message>
</context>
<context>
    <name>BalanceTab</name>
    <message>
        <source>Balance</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Ask the panel for the balance now</source>
        <translation>Ask the panel for the balance now</translation>
    </message>
    <message>
        <source>Balance on {panel}</source>
        <translation>Balance on {panel}</translation>
    </message>
    <message>
        <source>No panel</source>
        <translation>No panel</translation>
    </message>
    <message>
        <source>Not fetched yet</source>
        <translation>Not fetched yet</translation>
    </message>
    <message>
        <source>Updated {time}</source>
        <translation>Updated {time}</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Refreshing…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Could not fetch the balance: {error}</source>
        <translation>Could not fetch the balance: {error}</translation>
    </message>
</context>
<context>
    <name>CatalogChanges</name>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>new service</source>
        <translation>new service</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>removed</translation>
    </message>
    <message>
        <source>price</source>
        <translation>price</translation>
    </message>
    <message>
        <source>minimum</source>
        <translation>minimum</translation>
    </message>
    <message>
        <source>maximum</source>
        <translation>maximum</translation>
    </message>
    <message>
        <source>refill</source>
        <translation>refill</translation>
    </message>
    <message>
        <source>cancel</source>
        <translation>cancel</translation>
    </message>
    <message>
        <source>drip-feed</source>
        <translation>drip-feed</translation>
    </message>
</context>
<context>
    <name>CatalogChangesButton</name>
    <message numerus="yes">
        <source>Changes (%n)</source>
        <translation>
            <numerusform>Changes (%n)</numerusform>
            <numerusform>Changes (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to services you use</source>
        <translation>
            <numerusform>%n change to services you use</numerusform>
            <numerusform>%n changes to services you use</numerusform>
        </translation>
    </message>
    <message>
        <source>What changed in the catalog in the last 7 days</source>
        <translation>What changed in the catalog in the last 7 days</translation>
    </message>
</context>
<context>
    <name>CatalogChangesView</name>
    <message>
        <source>Catalog changes</source>
        <translation>Catalog changes</translation>
    </message>
    <message>
        <source>Only services I use</source>
        <translation>Only services I use</translation>
    </message>
    <message>
        <source>Services you have ordered from or starred</source>
        <translation>Services you have ordered from or starred</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Old → new</source>
        <translation>Old → new</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) in the last 7 days</source>
        <translation>
            <numerusform>%n change in the last 7 days</numerusform>
            <numerusform>%n changes in the last 7 days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to services you use (★)</source>
        <translation>
            <numerusform>%n to services you use (★)</numerusform>
            <numerusform>%n to services you use (★)</numerusform>
        </translation>
    </message>
    <message>
        <source>You have ordered from or starred this service</source>
        <translation>You have ordered from or starred this service</translation>
    </message>
</context>
<context>
    <name>ComparePage</name>
    <message>
        <source>Service to compare, e.g. instagram likes</source>
        <translation>Service to compare, e.g. instagram likes</translation>
    </message>
    <message>
        <source>Panel</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Rate / 1000</source>
        <translation>Rate / 1000</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Currency</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max</translation>
    </message>
    <message>
        <source>Refill</source>
        <translation>Refill</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Mark as the same service</source>
        <translation>Mark as the same service</translation>
    </message>
    <message>
        <source>Select services of two panels that are the same</source>
        <translation>Select services of two panels that are the same</translation>
    </message>
    <message>
        <source>Order on the cheaper panel</source>
        <translation>Order on the cheaper panel</translation>
    </message>
    <message>
        <source>Set exchange rate</source>
        <translation>Set exchange rate</translation>
    </message>
    <message>
        <source>1</source>
        <translation>1</translation>
    </message>
    <message>
        <source>(linked) </source>
        <translation>(linked) </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>No cached service matches.</source>
        <translation>No cached service matches.</translation>
    </message>
    <message numerus="yes">
        <source>More than %n services found; the cheapest %n shown</source>
        <translation>
            <numerusform>More than %n service found; the cheapest %n shown</numerusform>
            <numerusform>More than %n services found; the cheapest %n shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n service(s) found</source>
        <translation>
            <numerusform>%n service found</numerusform>
            <numerusform>%n services found</numerusform>
        </translation>
    </message>
    <message>
        <source>Marked as the same service.</source>
        <translation>Marked as the same service.</translation>
    </message>
    <message>
        <source>Cheapest: %1 on %2</source>
        <translation>Cheapest: %1 on %2</translation>
    </message>
    <message>
        <source>Exchange rate stored.</source>
        <translation>Exchange rate stored.</translation>
    </message>
</context>
<context>
    <name>DescribeTexts</name>
    <message numerus="yes">
        <source>Imported %Ln order(s).</source>
        <translation>
            <numerusform>Imported %Ln order.</numerusform>
            <numerusform>Imported %Ln orders.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>Unlimited</source>
        <translation>Unlimited</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
</context>
<context>
    <name>ImportOrdersDialog</name>
    <message>
        <source>Import orders</source>
        <translation>Import orders</translation>
    </message>
    <message>
        <source>Paste the panel&apos;s order ids (separated by commas, spaces or lines).</source>
        <translation>Paste the panel&apos;s order ids (separated by commas, spaces or lines).</translation>
    </message>
    <message>
        <source>23501, 23502
23510</source>
        <translation>23501, 23502
23510</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message numerus="yes">
        <source>%Ln order id(s)</source>
        <translation>
            <numerusform>%Ln order id</numerusform>
            <numerusform>%Ln order ids</numerusform>
        </translation>
    </message>
    <message>
        <source>not ids (ignored): </source>
        <translation>not ids (ignored): </translation>
    </message>
    <message numerus="yes">
        <source>at most %Ln at a time</source>
        <translation>
            <numerusform>at most %Ln at a time</numerusform>
            <numerusform>at most %Ln at a time</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeyDialog</name>
    <message>
        <source>API key for {panel}</source>
        <translation>API key for {panel}</translation>
    </message>
    <message>
        <source>Paste the new key</source>
        <translation>Paste the new key</translation>
    </message>
    <message>
        <source>&amp;Save key</source>
        <translation>&amp;Save key</translation>
    </message>
    <message>
        <source>&amp;Delete key</source>
        <translation>&amp;Delete key</translation>
    </message>
    <message>
        <source>Save &amp;anyway</source>
        <translation>Save &amp;anyway</translation>
    </message>
    <message>
        <source>Panel</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Stored key</source>
        <translation>Stored key</translation>
    </message>
    <message>
        <source>New key</source>
        <translation>New key</translation>
    </message>
    <message>
        <source>Kept in: {place}</source>
        <translation>Kept in: {place}</translation>
    </message>
    <message>
        <source>No key stored</source>
        <translation>No key stored</translation>
    </message>
    <message>
        <source>SMPANEL_API_KEY is set: it is used instead of the stored key.</source>
        <translation>SMPANEL_API_KEY is set: it is used instead of the stored key.</translation>
    </message>
    <message>
        <source>Checking the key with the panel…</source>
        <translation>Checking the key with the panel…</translation>
    </message>
    <message>
        <source>The panel refused this key: {error}. It was not saved.</source>
        <translation>The panel refused this key: {error}. It was not saved.</translation>
    </message>
    <message>
        <source>The key could not be checked: {error}. It was not saved.</source>
        <translation>The key could not be checked: {error}. It was not saved.</translation>
    </message>
    <message>
        <source>Key saved.</source>
        <translation>Key saved.</translation>
    </message>
    <message>
        <source>Could not delete the key: {error}</source>
        <translation>Could not delete the key: {error}</translation>
    </message>
    <message>
        <source>Key deleted.</source>
        <translation>Key deleted.</translation>
    </message>
</context>
<context>
    <name>KeyringUnavailableDialog</name>
    <message>
        <source>&lt;p&gt;API keys are kept only in your system&apos;s keyring, never in a file, and no keyring is available right now.&lt;/p&gt;&lt;p&gt;&lt;b&gt;To keep keys between runs&lt;/b&gt;, install a Secret Service provider and log in again:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Debian, Ubuntu, Mint: &lt;code&gt;sudo apt install gnome-keyring&lt;/code&gt;&lt;/li&gt;&lt;li&gt;Fedora: &lt;code&gt;sudo dnf install gnome-keyring&lt;/code&gt;&lt;/li&gt;&lt;li&gt;KDE Plasma: enable KWallet (&lt;code&gt;kwalletmanager&lt;/code&gt;)&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Or keep the key &lt;b&gt;in memory only&lt;/b&gt;: it is forgotten when the app closes, and you enter it again next time.&lt;/p&gt;</source>
        <translation>&lt;p&gt;API keys are kept only in your system&apos;s keyring, never in a file, and no keyring is available right now.&lt;/p&gt;&lt;p&gt;&lt;b&gt;To keep keys between runs&lt;/b&gt;, install a Secret Service provider and log in again:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Debian, Ubuntu, Mint: &lt;code&gt;sudo apt install gnome-keyring&lt;/code&gt;&lt;/li&gt;&lt;li&gt;Fedora: &lt;code&gt;sudo dnf install gnome-keyring&lt;/code&gt;&lt;/li&gt;&lt;li&gt;KDE Plasma: enable KWallet (&lt;code&gt;kwalletmanager&lt;/code&gt;)&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Or keep the key &lt;b&gt;in memory only&lt;/b&gt;: it is forgotten when the app closes, and you enter it again next time.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No keyring available</source>
        <translation>No keyring available</translation>
    </message>
    <message>
        <source>Details: {reason}</source>
        <translation>Details: {reason}</translation>
    </message>
    <message>
        <source>Keep in memory for this run</source>
        <translation>Keep in memory for this run</translation>
    </message>
</context>
<context>
    <name>LedgerPage</name>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Week</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Panel</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>since YYYY-MM-DD (optional)</source>
        <translation>since YYYY-MM-DD (optional)</translation>
    </message>
    <message>
        <source>Period / panel / service</source>
        <translation>Period / panel / service</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Currency</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Profit</source>
        <translation>Profit</translation>
    </message>
    <message>
        <source>Export ledger CSV…</source>
        <translation>Export ledger CSV…</translation>
    </message>
    <message>
        <source>Export orders CSV…</source>
        <translation>Export orders CSV…</translation>
    </message>
    <message>
        <source>markup %, e.g. 30</source>
        <translation>markup %, e.g. 30</translation>
    </message>
    <message>
        <source>Set markup</source>
        <translation>Set markup</translation>
    </message>
    <message>
        <source>local order #</source>
        <translation>local order #</translation>
    </message>
    <message>
        <source>resold for</source>
        <translation>resold for</translation>
    </message>
    <message>
        <source>Set resale price</source>
        <translation>Set resale price</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>Group by</translation>
    </message>
    <message>
        <source>Profit: default markup of</source>
        <translation>Profit: default markup of</translation>
    </message>
    <message>
        <source>Not a date: use YYYY-MM-DD.</source>
        <translation>Not a date: use YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) written to %1</source>
        <translation>
            <numerusform>%n row written to %1</numerusform>
            <numerusform>%n rows written to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Give the local order number (the # in Orders).</source>
        <translation>Give the local order number (the # in Orders).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Services</source>
        <translation>&amp;Services</translation>
    </message>
    <message>
        <source>&amp;New Order</source>
        <translation>&amp;New Order</translation>
    </message>
    <message>
        <source>&amp;Orders</source>
        <translation>&amp;Orders</translation>
    </message>
    <message>
        <source>&amp;Balance</source>
        <translation>&amp;Balance</translation>
    </message>
    <message>
        <source>Overvie&amp;w</source>
        <translation>Overvie&amp;w</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● Online</translation>
    </message>
    <message>
        <source>● DEMO panel (built-in sandbox)</source>
        <translation>● DEMO panel (built-in sandbox)</translation>
    </message>
    <message>
        <source>● Connecting…</source>
        <translation>● Connecting…</translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation>● Offline</translation>
    </message>
    <message>
        <source>● API key refused</source>
        <translation>● API key refused</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <source>Demo panel</source>
        <translation>Demo panel</translation>
    </message>
    <message>
        <source>Panel: {name}</source>
        <translation>Panel: {name}</translation>
    </message>
    <message>
        <source>No panel</source>
        <translation>No panel</translation>
    </message>
    <message>
        <source> — showing cached data</source>
        <translation> — showing cached data</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source>Last refresh: {when}</source>
        <translation>Last refresh: {when}</translation>
    </message>
</context>
<context>
    <name>MassOrderEntry</name>
    <message>
        <source>&amp;Orders</source>
        <translation>&amp;Orders</translation>
    </message>
    <message>
        <source>&amp;Mass order…</source>
        <translation>&amp;Mass order…</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Main</translation>
    </message>
</context>
<context>
    <name>MassOrderView</name>
    <message>
        <source>One order a line: service|link|quantity or service|quantity|link
# comment</source>
        <translation>One order a line: service|link|quantity or service|quantity|link
# comment</translation>
    </message>
    <message>
        <source>Import file…</source>
        <translation>Import file…</translation>
    </message>
    <message>
        <source>Skip invalid lines</source>
        <translation>Skip invalid lines</translation>
    </message>
    <message>
        <source>Allow lines whose service and link already have an open order</source>
        <translation>Allow lines whose service and link already have an open order</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Stop after the current line</source>
        <translation>Stop after the current line</translation>
    </message>
    <message>
        <source>Paste the orders, or import a .txt, .csv or .xlsx file:</source>
        <translation>Paste the orders, or import a .txt, .csv or .xlsx file:</translation>
    </message>
    <message>
        <source>Import a mass order</source>
        <translation>Import a mass order</translation>
    </message>
    <message>
        <source>Orders (*.txt *.csv *.xlsx);;All files (*)</source>
        <translation>Orders (*.txt *.csv *.xlsx);;All files (*)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <source>The file cannot be imported: %1</source>
        <translation>The file cannot be imported: %1</translation>
    </message>
    <message>
        <source>The lines could not be checked: %1</source>
        <translation>The lines could not be checked: %1</translation>
    </message>
    <message numerus="yes">
        <source>Place %n order(s)…</source>
        <translation>
            <numerusform>Place %n order…</numerusform>
            <numerusform>Place %n orders…</numerusform>
        </translation>
    </message>
    <message>
        <source>Mass order</source>
        <translation>Mass order</translation>
    </message>
    <message>
        <source>The panel was switched: nothing was sent.</source>
        <translation>The panel was switched: nothing was sent.</translation>
    </message>
    <message>
        <source>Placing the orders…</source>
        <translation>Placing the orders…</translation>
    </message>
    <message>
        <source>Stopping after the current line…</source>
        <translation>Stopping after the current line…</translation>
    </message>
    <message>
        <source>The batch ended with an error (%1): check Orders before sending it again.</source>
        <translation>The batch ended with an error (%1): check Orders before sending it again.</translation>
    </message>
    <message>
        <source>total %1</source>
        <translation>total %1</translation>
    </message>
    <message>
        <source>balance %1</source>
        <translation>balance %1</translation>
    </message>
    <message>
        <source>more than the balance</source>
        <translation>more than the balance</translation>
    </message>
    <message>
        <source>already placed on %1</source>
        <translation>already placed on %1</translation>
    </message>
    <message>
        <source>This batch was already placed on %1. Place it again?</source>
        <translation>This batch was already placed on %1. Place it again?</translation>
    </message>
    <message>
        <source>%n placed</source>
        <translation>%n placed</translation>
    </message>
    <message>
        <source>%n refused by the panel</source>
        <translation>%n refused by the panel</translation>
    </message>
    <message>
        <source>%n unknown</source>
        <translation>%n unknown</translation>
    </message>
    <message>
        <source>%n not sent</source>
        <translation>%n not sent</translation>
    </message>
    <message>
        <source>stopped after the current line</source>
        <translation>stopped after the current line</translation>
    </message>
    <message>
        <source>Orders whose answer was lost MAY have been placed: resolve them in Orders before placing them again.</source>
        <translation>Orders whose answer was lost MAY have been placed: resolve them in Orders before placing them again.</translation>
    </message>
</context>
<context>
    <name>MassOrderWindow</name>
    <message>
        <source>Mass order</source>
        <translation>Mass order</translation>
    </message>
</context>
<context>
    <name>NewOrder</name>
    <message>
        <source>The answer to this order was lost ({cause}). The order MAY have been placed and your balance MAY have been charged. It is recorded in Orders with the state “unknown”. Do not place it again yet: look for it in the panel&apos;s own order list, then in the Orders tab select it and choose Resolve — attach the order id you found, or mark it as not placed.</source>
        <translation>The answer to this order was lost ({cause}). The order MAY have been placed and your balance MAY have been charged. It is recorded in Orders with the state “unknown”. Do not place it again yet: look for it in the panel&apos;s own order list, then in the Orders tab select it and choose Resolve — attach the order id you found, or mark it as not placed.</translation>
    </message>
    <message>
        <source>The panel refused the order: {error} — nothing was placed; top up and retry.</source>
        <translation>The panel refused the order: {error} — nothing was placed; top up and retry.</translation>
    </message>
    <message>
        <source>The panel refused the order: {error} — nothing was placed.</source>
        <translation>The panel refused the order: {error} — nothing was placed.</translation>
    </message>
    <message>
        <source>The order was not sent: {error}. Nothing was placed; try again when connected.</source>
        <translation>The order was not sent: {error}. Nothing was placed; try again when connected.</translation>
    </message>
    <message>
        <source>The order was not placed: {error}.</source>
        <translation>The order was not placed: {error}.</translation>
    </message>
    <message>
        <source>Something went wrong ({kind}: {error}). Check the Orders tab before placing this order again.</source>
        <translation>Something went wrong ({kind}: {error}). Check the Orders tab before placing this order again.</translation>
    </message>
</context>
<context>
    <name>NewOrderTab</name>
    <message>
        <source>Service:</source>
        <translation>Service:</translation>
    </message>
    <message>
        <source>The service of preset “%1” is not in the catalog.</source>
        <translation>The service of preset “%1” is not in the catalog.</translation>
    </message>
    <message>
        <source>Cost: choose a service</source>
        <translation>Cost: choose a service</translation>
    </message>
    <message>
        <source>Cost: unknown — this service is not in the current catalog</source>
        <translation>Cost: unknown — this service is not in the current catalog</translation>
    </message>
    <message>
        <source>Cost: {amount}</source>
        <translation>Cost: {amount}</translation>
    </message>
    <message>
        <source>Correct the marked fields: nothing was sent.</source>
        <translation>Correct the marked fields: nothing was sent.</translation>
    </message>
    <message>
        <source>Not connected to a panel: nothing can be sent.</source>
        <translation>Not connected to a panel: nothing can be sent.</translation>
    </message>
    <message>
        <source>The panel was switched before you confirmed: nothing was sent.</source>
        <translation>The panel was switched before you confirmed: nothing was sent.</translation>
    </message>
    <message>
        <source>Placing the order…</source>
        <translation>Placing the order…</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>Orders finished: {0}</source>
        <translation>Orders finished: {0}</translation>
    </message>
    <message>
        <source>Order {0} is stuck: no progress for hours</source>
        <translation>Order {0} is stuck: no progress for hours</translation>
    </message>
    <message>
        <source>Service {0} is gone from the catalog: {1}</source>
        <translation>Service {0} is gone from the catalog: {1}</translation>
    </message>
    <message>
        <source>Service {0} changed its price: {1} → {2} ({3})</source>
        <translation>Service {0} changed its price: {1} → {2} ({3})</translation>
    </message>
    <message>
        <source>Orders finished</source>
        <translation>Orders finished</translation>
    </message>
    <message>
        <source>Refills finished</source>
        <translation>Refills finished</translation>
    </message>
    <message>
        <source>Stuck orders</source>
        <translation>Stuck orders</translation>
    </message>
    <message>
        <source>Balance of {0}: {1} {3}, below {2} {3}</source>
        <translation>Balance of {0}: {1} {3}, below {2} {3}</translation>
    </message>
    <message>
        <source>Low balance</source>
        <translation>Low balance</translation>
    </message>
    <message>
        <source>A service you use changed</source>
        <translation>A service you use changed</translation>
    </message>
</context>
<context>
    <name>OrderConfirmDialog</name>
    <message>
        <source>Place this order?</source>
        <translation>Place this order?</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Service:</translation>
    </message>
    <message>
        <source>Link:</source>
        <translation>Link:</translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation>Quantity:</translation>
    </message>
    <message>
        <source>Runs:</source>
        <translation>Runs:</translation>
    </message>
    <message>
        <source>Cost:</source>
        <translation>Cost:</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>{field}:</source>
        <translation>{field}:</translation>
    </message>
    <message>
        <source>The panel charges your balance when it accepts the order.</source>
        <translation>The panel charges your balance when it accepts the order.</translation>
    </message>
    <message>
        <source>Place order</source>
        <translation>Place order</translation>
    </message>
</context>
<context>
    <name>OrderFields</name>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>A link (https://…, instagram.com/p/…, t.me/…) or @username</source>
        <translation>A link (https://…, instagram.com/p/…, t.me/…) or @username</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Within the service&apos;s min and max</source>
        <translation>Within the service&apos;s min and max</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Runs</translation>
    </message>
    <message>
        <source>Repeat the order N times</source>
        <translation>Repeat the order N times</translation>
    </message>
    <message>
        <source>Interval (minutes)</source>
        <translation>Interval (minutes)</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Comments</translation>
    </message>
    <message>
        <source>One comment a line</source>
        <translation>One comment a line</translation>
    </message>
    <message>
        <source>Usernames</source>
        <translation>Usernames</translation>
    </message>
    <message>
        <source>One username a line</source>
        <translation>One username a line</translation>
    </message>
    <message>
        <source>Hashtags</source>
        <translation>Hashtags</translation>
    </message>
    <message>
        <source>One hashtag a line</source>
        <translation>One hashtag a line</translation>
    </message>
    <message>
        <source>Hashtag</source>
        <translation>Hashtag</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Whose followers</source>
        <translation>Whose followers</translation>
    </message>
    <message>
        <source>Media URL</source>
        <translation>Media URL</translation>
    </message>
    <message>
        <source>Whose likers</source>
        <translation>Whose likers</translation>
    </message>
    <message>
        <source>Comment owner</source>
        <translation>Comment owner</translation>
    </message>
    <message>
        <source>Answer number</source>
        <translation>Answer number</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groups</translation>
    </message>
    <message>
        <source>One group a line</source>
        <translation>One group a line</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Keywords</translation>
    </message>
    <message>
        <source>One keyword a line</source>
        <translation>One keyword a line</translation>
    </message>
    <message>
        <source>Min per post</source>
        <translation>Min per post</translation>
    </message>
    <message>
        <source>Max per post</source>
        <translation>Max per post</translation>
    </message>
    <message>
        <source>New posts</source>
        <translation>New posts</translation>
    </message>
    <message>
        <source>Empty = unlimited</source>
        <translation>Empty = unlimited</translation>
    </message>
    <message>
        <source>Old posts</source>
        <translation>Old posts</translation>
    </message>
    <message>
        <source>Delay (minutes)</source>
        <translation>Delay (minutes)</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiry</translation>
    </message>
    <message>
        <source>d/m/Y; empty = none</source>
        <translation>d/m/Y; empty = none</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Country</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Device</translation>
    </message>
    <message>
        <source>1-5</source>
        <translation>1-5</translation>
    </message>
    <message>
        <source>Type of traffic</source>
        <translation>Type of traffic</translation>
    </message>
    <message>
        <source>Google keyword</source>
        <translation>Google keyword</translation>
    </message>
    <message>
        <source>Referring URL</source>
        <translation>Referring URL</translation>
    </message>
</context>
<context>
    <name>OrderForm</name>
    <message>
        <source>Drip-feed: deliver in runs, total = quantity × runs</source>
        <translation>Drip-feed: deliver in runs, total = quantity × runs</translation>
    </message>
    <message>
        <source>Extra fields, one NAME=VALUE a line (optional)</source>
        <translation>Extra fields, one NAME=VALUE a line (optional)</translation>
    </message>
    <message>
        <source>Extra fields</source>
        <translation>Extra fields</translation>
    </message>
    <message>
        <source>Sent as given: the form of {kind} does not know {names}</source>
        <translation>Sent as given: the form of {kind} does not know {names}</translation>
    </message>
    <message>
        <source>No expiry</source>
        <translation>No expiry</translation>
    </message>
    <message numerus="yes">
        <source>%Ln comment(s)</source>
        <translation>
            <numerusform>%Ln comment</numerusform>
            <numerusform>%Ln comments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s)</source>
        <translation>
            <numerusform>%Ln line</numerusform>
            <numerusform>%Ln lines</numerusform>
        </translation>
    </message>
    <message>
        <source>Not NAME=VALUE: {line}</source>
        <translation>Not NAME=VALUE: {line}</translation>
    </message>
</context>
<context>
    <name>OrderProblems</name>
    <message>
        <source>Required</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>Must be between {low} and {high}</source>
        <translation>Must be between {low} and {high}</translation>
    </message>
    <message>
        <source>At least {low}</source>
        <translation>At least {low}</translation>
    </message>
    <message>
        <source>At most {high}</source>
        <translation>At most {high}</translation>
    </message>
    <message>
        <source>Too long (at most {count} characters)</source>
        <translation>Too long (at most {count} characters)</translation>
    </message>
    <message>
        <source>{count} lines: this service takes at least {low}</source>
        <translation>{count} lines: this service takes at least {low}</translation>
    </message>
    <message>
        <source>{count} lines: this service takes at most {high}</source>
        <translation>{count} lines: this service takes at most {high}</translation>
    </message>
    <message>
        <source>Not a link: no spaces or line breaks. Expected: {wanted}</source>
        <translation>Not a link: no spaces or line breaks. Expected: {wanted}</translation>
    </message>
    <message>
        <source>Not a link. Expected: {wanted}</source>
        <translation>Not a link. Expected: {wanted}</translation>
    </message>
    <message>
        <source>Choose one of {choices}</source>
        <translation>Choose one of {choices}</translation>
    </message>
    <message>
        <source>Not a field of {type} (fields: {fields})</source>
        <translation>Not a field of {type} (fields: {fields})</translation>
    </message>
    <message>
        <source>Enter a whole number (digits only)</source>
        <translation>Enter a whole number (digits only)</translation>
    </message>
    <message>
        <source>Enter at least one line</source>
        <translation>Enter at least one line</translation>
    </message>
    <message>
        <source>A single line, please</source>
        <translation>A single line, please</translation>
    </message>
    <message>
        <source>Contains control characters</source>
        <translation>Contains control characters</translation>
    </message>
    <message>
        <source>A single word, without spaces</source>
        <translation>A single word, without spaces</translation>
    </message>
    <message>
        <source>A date as d/m/Y (31/12/2026) or 2026-12-31</source>
        <translation>A date as d/m/Y (31/12/2026) or 2026-12-31</translation>
    </message>
    <message>
        <source>The date is in the past</source>
        <translation>The date is in the past</translation>
    </message>
    <message>
        <source>Only http:// and https:// links</source>
        <translation>Only http:// and https:// links</translation>
    </message>
    <message>
        <source>This service does not allow drip-feed</source>
        <translation>This service does not allow drip-feed</translation>
    </message>
    <message>
        <source>Drip-feed needs both runs and interval</source>
        <translation>Drip-feed needs both runs and interval</translation>
    </message>
    <message>
        <source>Max must not be less than min</source>
        <translation>Max must not be less than min</translation>
    </message>
    <message>
        <source>Not a field that can be set</source>
        <translation>Not a field that can be set</translation>
    </message>
    <message>
        <source>A URL (https://…) or a domain with a path</source>
        <translation>A URL (https://…) or a domain with a path</translation>
    </message>
</context>
<context>
    <name>OrderTexts</name>
    <message numerus="yes">
        <source>… and %Ln more</source>
        <translation>
            <numerusform>… and %Ln more</numerusform>
            <numerusform>… and %Ln more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s):</source>
        <translation>
            <numerusform>%Ln line:</numerusform>
            <numerusform>%Ln lines:</numerusform>
        </translation>
    </message>
    <message>
        <source>{runs} every {interval} min</source>
        <translation>{runs} every {interval} min</translation>
    </message>
    <message>
        <source>This costs more than your last known balance.</source>
        <translation>This costs more than your last known balance.</translation>
    </message>
    <message>
        <source>This costs more than your last known balance ({balance}).</source>
        <translation>This costs more than your last known balance ({balance}).</translation>
    </message>
    <message>
        <source>Placing order…</source>
        <translation>Placing order…</translation>
    </message>
    <message>
        <source>&amp;Place order…</source>
        <translation>&amp;Place order…</translation>
    </message>
    <message>
        <source>#{id} (local)</source>
        <translation>#{id} (local)</translation>
    </message>
    <message>
        <source>Pre-filled from order {order}.</source>
        <translation>Pre-filled from order {order}.</translation>
    </message>
    <message>
        <source>Order placed: id {order}. It is tracked in Orders.</source>
        <translation>Order placed: id {order}. It is tracked in Orders.</translation>
    </message>
    <message>
        <source> ({each} × {runs} runs = {total})</source>
        <translation> ({each} × {runs} runs = {total})</translation>
    </message>
    <message>
        <source> (quantity {quantity})</source>
        <translation> (quantity {quantity})</translation>
    </message>
    <message>
        <source>Cost: {range}</source>
        <translation>Cost: {range}</translation>
    </message>
    <message>
        <source>Cost: per post delivered, {rate} per 1000 (fill in New posts to see a range)</source>
        <translation>Cost: per post delivered, {rate} per 1000 (fill in New posts to see a range)</translation>
    </message>
    <message>
        <source>Cost: enter the {field} (one a line) to see the cost</source>
        <translation>Cost: enter the {field} (one a line) to see the cost</translation>
    </message>
    <message>
        <source>Cost: enter a quantity to see the cost</source>
        <translation>Cost: enter a quantity to see the cost</translation>
    </message>
    <message>
        <source>{low} – {high} ({posts} posts × {min}–{max} each)</source>
        <translation>{low} – {high} ({posts} posts × {min}–{max} each)</translation>
    </message>
</context>
<context>
    <name>Orders</name>
    <message>
        <source>All orders</source>
        <translation>All orders</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>Processing</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Partial</source>
        <translation>Partial</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Canceled</translation>
    </message>
    <message>
        <source>Unknown outcome</source>
        <translation>Unknown outcome</translation>
    </message>
    <message>
        <source>Rejected / not placed</source>
        <translation>Rejected / not placed</translation>
    </message>
    <message>
        <source>Can be refilled</source>
        <translation>Can be refilled</translation>
    </message>
    <message>
        <source>Stuck</source>
        <translation>Stuck</translation>
    </message>
    <message>
        <source>Filter by order id, service, link…</source>
        <translation>Filter by order id, service, link…</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>off</source>
        <translation>off</translation>
    </message>
    <message>
        <source>Refresh open orders automatically every N seconds (0 = off)</source>
        <translation>Refresh open orders automatically every N seconds (0 = off)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>Charge</translation>
    </message>
    <message>
        <source>Start count</source>
        <translation>Start count</translation>
    </message>
    <message>
        <source>Remains</source>
        <translation>Remains</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Refill</source>
        <translation>Refill</translation>
    </message>
    <message>
        <source>Last checked</source>
        <translation>Last checked</translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation>Submitting…</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Not placed</source>
        <translation>Not placed</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Not checked yet</translation>
    </message>
    <message>
        <source>Drip-feed: {runs} runs; child orders: {children}</source>
        <translation>Drip-feed: {runs} runs; child orders: {children}</translation>
    </message>
    <message>
        <source>A run of drip-feed order {order}</source>
        <translation>A run of drip-feed order {order}</translation>
    </message>
    <message>
        <source>{percent}%</source>
        <translation>{percent}%</translation>
    </message>
    <message>
        <source>refused: {reason}</source>
        <translation>refused: {reason}</translation>
    </message>
    <message>
        <source>{error}. It may have been placed and charged: find it on the panel, then Resolve.</source>
        <translation>{error}. It may have been placed and charged: find it on the panel, then Resolve.</translation>
    </message>
    <message>
        <source>The answer was lost</source>
        <translation>The answer was lost</translation>
    </message>
    <message>
        <source>Panel: {status}</source>
        <translation>Panel: {status}</translation>
    </message>
</context>
<context>
    <name>OrdersActions</name>
    <message>
        <source>The answer to the {what} request was lost ({error}): the panel may or may not have accepted it. Check the order on the panel before asking again.</source>
        <translation>The answer to the {what} request was lost ({error}): the panel may or may not have accepted it. Check the order on the panel before asking again.</translation>
    </message>
    <message>
        <source>refill</source>
        <translation>refill</translation>
    </message>
    <message>
        <source>cancel</source>
        <translation>cancel</translation>
    </message>
    <message>
        <source>Re&amp;fill</source>
        <translation>Re&amp;fill</translation>
    </message>
    <message>
        <source>Ask the panel to refill the selected orders</source>
        <translation>Ask the panel to refill the selected orders</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>Ca&amp;ncel</translation>
    </message>
    <message>
        <source>Ask the panel to cancel the selected orders</source>
        <translation>Ask the panel to cancel the selected orders</translation>
    </message>
    <message>
        <source>Reor&amp;der</source>
        <translation>Reor&amp;der</translation>
    </message>
    <message>
        <source>Open New Order pre-filled from this order</source>
        <translation>Open New Order pre-filled from this order</translation>
    </message>
    <message>
        <source>Reso&amp;lve…</source>
        <translation>Reso&amp;lve…</translation>
    </message>
    <message>
        <source>Say whether an unknown order was placed</source>
        <translation>Say whether an unknown order was placed</translation>
    </message>
    <message>
        <source>Copy &amp;id</source>
        <translation>Copy &amp;id</translation>
    </message>
    <message>
        <source>Copy the panel order ids</source>
        <translation>Copy the panel order ids</translation>
    </message>
    <message>
        <source>Copy lin&amp;k</source>
        <translation>Copy lin&amp;k</translation>
    </message>
    <message>
        <source>Copy the links</source>
        <translation>Copy the links</translation>
    </message>
    <message>
        <source>O&amp;pen link</source>
        <translation>O&amp;pen link</translation>
    </message>
    <message>
        <source>Open the links in the browser</source>
        <translation>Open the links in the browser</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>E&amp;xport CSV…</translation>
    </message>
    <message>
        <source>Save the visible rows as CSV</source>
        <translation>Save the visible rows as CSV</translation>
    </message>
    <message>
        <source>I&amp;mport…</source>
        <translation>I&amp;mport…</translation>
    </message>
    <message>
        <source>Track orders placed elsewhere by id</source>
        <translation>Track orders placed elsewhere by id</translation>
    </message>
    <message>
        <source>Failed: {error}</source>
        <translation>Failed: {error}</translation>
    </message>
    <message>
        <source>Not connected to a panel.</source>
        <translation>Not connected to a panel.</translation>
    </message>
    <message numerus="yes">
        <source>Requesting a refill of %n order(s)…</source>
        <translation>
            <numerusform>Requesting a refill of %n order…</numerusform>
            <numerusform>Requesting a refill of %n orders…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel orders</source>
        <translation>Cancel orders</translation>
    </message>
    <message numerus="yes">
        <source>Ask the panel to cancel %n order(s)?</source>
        <translation>
            <numerusform>Ask the panel to cancel %n order?</numerusform>
            <numerusform>Ask the panel to cancel %n orders?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Requesting a cancel of %n order(s)…</source>
        <translation>
            <numerusform>Requesting a cancel of %n order…</numerusform>
            <numerusform>Requesting a cancel of %n orders…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing %Ln order(s)…</source>
        <translation>
            <numerusform>Importing %Ln order…</numerusform>
            <numerusform>Importing %Ln orders…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln order(s) to {path}.</source>
        <translation>
            <numerusform>Exported %Ln order to {path}.</numerusform>
            <numerusform>Exported %Ln orders to {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n order id(s).</source>
        <translation>
            <numerusform>Copied %n order id.</numerusform>
            <numerusform>Copied %n order ids.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n link(s).</source>
        <translation>
            <numerusform>Copied %n link.</numerusform>
            <numerusform>Copied %n links.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export orders</source>
        <translation>Export orders</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <source>Could not write {path}: {error}</source>
        <translation>Could not write {path}: {error}</translation>
    </message>
    <message>
        <source>Refill failed: {error}</source>
        <translation>Refill failed: {error}</translation>
    </message>
    <message>
        <source>{order} → refill {refill}</source>
        <translation>{order} → refill {refill}</translation>
    </message>
    <message>
        <source>Refill requested: </source>
        <translation>Refill requested: </translation>
    </message>
    <message>
        <source>Refused: </source>
        <translation>Refused: </translation>
    </message>
    <message>
        <source>The panel answered nothing.</source>
        <translation>The panel answered nothing.</translation>
    </message>
    <message>
        <source>Cancel failed: {error}</source>
        <translation>Cancel failed: {error}</translation>
    </message>
    <message>
        <source>Cancel requested for {orders} (the next refresh shows the result)</source>
        <translation>Cancel requested for {orders} (the next refresh shows the result)</translation>
    </message>
    <message>
        <source>Import stopped: {error}</source>
        <translation>Import stopped: {error}</translation>
    </message>
    <message>
        <source>Not imported: {items}</source>
        <translation>Not imported: {items}</translation>
    </message>
    <message>
        <source>Order #{id} stays unknown: {error}</source>
        <translation>Order #{id} stays unknown: {error}</translation>
    </message>
    <message>
        <source>Order #{id} marked as not placed.</source>
        <translation>Order #{id} marked as not placed.</translation>
    </message>
    <message>
        <source>Order #{id} is panel order {order} and is tracked again.</source>
        <translation>Order #{id} is panel order {order} and is tracked again.</translation>
    </message>
</context>
<context>
    <name>OrdersRefresher</name>
    <message>
        <source>Not connected to a panel: cannot refresh.</source>
        <translation>Not connected to a panel: cannot refresh.</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Refreshing…</translation>
    </message>
    <message>
        <source>Refreshing open orders…</source>
        <translation>Refreshing open orders…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Refresh failed: {error}</source>
        <translation>Refresh failed: {error}</translation>
    </message>
    <message numerus="yes">
        <source>Refresh stopped after %Ln order(s): {error}</source>
        <translation>
            <numerusform>Refresh stopped after %Ln order: {error}</numerusform>
            <numerusform>Refresh stopped after %Ln orders: {error}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Checked %Ln open order(s): {changed} changed</source>
        <translation>
            <numerusform>Checked %Ln open order: {changed} changed</numerusform>
            <numerusform>Checked %Ln open orders: {changed} changed</numerusform>
        </translation>
    </message>
    <message>
        <source>, {errors} with errors</source>
        <translation>, {errors} with errors</translation>
    </message>
</context>
<context>
    <name>OrdersTab</name>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>&amp;Auto-refresh:</source>
        <translation>&amp;Auto-refresh:</translation>
    </message>
    <message>
        <source>Could not read the tracked orders: {error}</source>
        <translation>Could not read the tracked orders: {error}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s)</source>
        <translation>
            <numerusform>%Ln order</numerusform>
            <numerusform>%Ln orders</numerusform>
        </translation>
    </message>
    <message>
        <source>{shown} of {total} orders</source>
        <translation>{shown} of {total} orders</translation>
    </message>
    <message>
        <source>refreshed {time}</source>
        <translation>refreshed {time}</translation>
    </message>
</context>
<context>
    <name>OrdersWatchBar</name>
    <message>
        <source>Ask for a refill of every Completed order whose service has refill, inside its guarantee, with no refill pending and none asked in the last 24 hours</source>
        <translation>Ask for a refill of every Completed order whose service has refill, inside its guarantee, with no refill pending and none asked in the last 24 hours</translation>
    </message>
    <message>
        <source>Show the open orders whose remains have not moved</source>
        <translation>Show the open orders whose remains have not moved</translation>
    </message>
    <message>
        <source>Could not check refills and stuck orders: {0}</source>
        <translation>Could not check refills and stuck orders: {0}</translation>
    </message>
    <message numerus="yes">
        <source>Refill all eligible (%n)</source>
        <translation>
            <numerusform>Refill all eligible (%n)</numerusform>
            <numerusform>Refill all eligible (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stuck (%n)</source>
        <translation>
            <numerusform>Stuck (%n)</numerusform>
            <numerusform>Stuck (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Refill all eligible</source>
        <translation>Refill all eligible</translation>
    </message>
    <message numerus="yes">
        <source>Ask the panel to refill %n order(s)? Each is asked once.</source>
        <translation>
            <numerusform>Ask the panel to refill %n order? Each is asked once.</numerusform>
            <numerusform>Ask the panel to refill %n orders? Each is asked once.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Requesting refill of %n order(s)…</source>
        <translation>
            <numerusform>Requesting refill of %n order…</numerusform>
            <numerusform>Requesting refill of %n orders…</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed: {0}</source>
        <translation>Failed: {0}</translation>
    </message>
    <message numerus="yes">
        <source>Refills: %n accepted</source>
        <translation>
            <numerusform>Refills: %n accepted</numerusform>
            <numerusform>Refills: %n accepted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n refused</source>
        <translation>
            <numerusform>, %n refused</numerusform>
            <numerusform>, %n refused</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped: {0}</source>
        <translation>Stopped: {0}</translation>
    </message>
</context>
<context>
    <name>OutcomeChart</name>
    <message>
        <source>Order outcomes</source>
        <translation>Order outcomes</translation>
    </message>
    <message>
        <source>Order outcomes: no orders yet</source>
        <translation>Order outcomes: no orders yet</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Partial</source>
        <translation>Partial</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Canceled</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Refunded</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Panels</source>
        <translation>Panels</translation>
    </message>
    <message>
        <source>Compare prices</source>
        <translation>Compare prices</translation>
    </message>
    <message>
        <source>Spending</source>
        <translation>Spending</translation>
    </message>
</context>
<context>
    <name>PanelForm</name>
    <message>
        <source>My panel</source>
        <translation>My panel</translation>
    </message>
    <message>
        <source>The panel&apos;s API v2 address (see the API page of your panel)</source>
        <translation>The panel&apos;s API v2 address (see the API page of your panel)</translation>
    </message>
    <message>
        <source>Paste the API key from your panel&apos;s account page</source>
        <translation>Paste the API key from your panel&apos;s account page</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>API endpoint</source>
        <translation>API endpoint</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API key</translation>
    </message>
    <message>
        <source>Enter the panel&apos;s API endpoint.</source>
        <translation>Enter the panel&apos;s API endpoint.</translation>
    </message>
    <message>
        <source>Enter the API key.</source>
        <translation>Enter the API key.</translation>
    </message>
    <message>
        <source>A panel named &quot;{name}&quot; already exists: choose another name.</source>
        <translation>A panel named &quot;{name}&quot; already exists: choose another name.</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Connected. Balance: {balance}</source>
        <translation>Connected. Balance: {balance}</translation>
    </message>
    <message>
        <source>Unexpected error: {kind}</source>
        <translation>Unexpected error: {kind}</translation>
    </message>
    <message>
        <source>Connection failed: {error}</source>
        <translation>Connection failed: {error}</translation>
    </message>
</context>
<context>
    <name>PanelSession</name>
    <message>
        <source>Cannot connect to {panel}: {problem}</source>
        <translation>Cannot connect to {panel}: {problem}</translation>
    </message>
    <message>
        <source>No API key for {panel}: Panel ▸ Set API key…</source>
        <translation>No API key for {panel}: Panel ▸ Set API key…</translation>
    </message>
</context>
<context>
    <name>PanelsDialog</name>
    <message>
        <source>Panels</source>
        <translation>Panels</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>API &amp;key…</source>
        <translation>API &amp;key…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>&amp;Add panel</source>
        <translation>&amp;Add panel</translation>
    </message>
    <message>
        <source>Add a panel</source>
        <translation>Add a panel</translation>
    </message>
    <message>
        <source>  (demo)</source>
        <translation>  (demo)</translation>
    </message>
    <message>
        <source>  ✓ open</source>
        <translation>  ✓ open</translation>
    </message>
    <message>
        <source>Remove panel</source>
        <translation>Remove panel</translation>
    </message>
    <message>
        <source>Remove &quot;{panel}&quot;, its cached services and its API key from this computer?</source>
        <translation>Remove &quot;{panel}&quot;, its cached services and its API key from this computer?</translation>
    </message>
    <message>
        <source>Removed &quot;{name}&quot;, but not its key: {error}</source>
        <translation>Removed &quot;{name}&quot;, but not its key: {error}</translation>
    </message>
    <message>
        <source>Removed &quot;{name}&quot;.</source>
        <translation>Removed &quot;{name}&quot;.</translation>
    </message>
    <message>
        <source>Added &quot;{name}&quot;.</source>
        <translation>Added &quot;{name}&quot;.</translation>
    </message>
</context>
<context>
    <name>Plurals</name>
    <message numerus="yes">
        <source>%n order(s) completed</source>
        <translation>
            <numerusform>%n order completed</numerusform>
            <numerusform>%n orders completed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n partial</source>
        <translation>
            <numerusform>%n partial</numerusform>
            <numerusform>%n partial</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n canceled</source>
        <translation>
            <numerusform>%n canceled</numerusform>
            <numerusform>%n canceled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refill(s) finished</source>
        <translation>
            <numerusform>%n refill finished</numerusform>
            <numerusform>%n refills finished</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n completed</source>
        <translation>
            <numerusform>%n completed</numerusform>
            <numerusform>%n completed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not</source>
        <translation>
            <numerusform>%n not</numerusform>
            <numerusform>%n not</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) stuck: no progress for hours</source>
        <translation>
            <numerusform>%n order stuck: no progress for hours</numerusform>
            <numerusform>%n orders stuck: no progress for hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n service(s) you use changed</source>
        <translation>
            <numerusform>%n service you use changed</numerusform>
            <numerusform>%n services you use changed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n order</numerusform>
            <numerusform>%n orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invalid line(s)</source>
        <translation>
            <numerusform>%n invalid line</numerusform>
            <numerusform>%n invalid lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) overlap an open order</source>
        <translation>
            <numerusform>%n line overlaps an open order</numerusform>
            <numerusform>%n lines overlap an open order</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Place %n order(s) for %1?</source>
        <translation>
            <numerusform>Place %n order for %1?</numerusform>
            <numerusform>Place %n orders for %1?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invalid line(s) will be skipped.</source>
        <translation>
            <numerusform>%n invalid line will be skipped.</numerusform>
            <numerusform>%n invalid lines will be skipped.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuickBar</name>
    <message>
        <source>Presets</source>
        <translation>Presets</translation>
    </message>
    <message>
        <source>Mass order…</source>
        <translation>Mass order…</translation>
    </message>
    <message>
        <source>Place many orders at once from a list</source>
        <translation>Place many orders at once from a list</translation>
    </message>
    <message>
        <source>Remove from favourites</source>
        <translation>Remove from favourites</translation>
    </message>
    <message>
        <source>Add to favourites</source>
        <translation>Add to favourites</translation>
    </message>
    <message>
        <source>No presets yet</source>
        <translation>No presets yet</translation>
    </message>
    <message>
        <source>Save as preset…</source>
        <translation>Save as preset…</translation>
    </message>
    <message>
        <source>Delete preset</source>
        <translation>Delete preset</translation>
    </message>
    <message>
        <source>Save as preset</source>
        <translation>Save as preset</translation>
    </message>
    <message>
        <source>Name of the preset (service and filled fields):</source>
        <translation>Name of the preset (service and filled fields):</translation>
    </message>
</context>
<context>
    <name>RefillWindow</name>
    <message>
        <source>lifetime</source>
        <translation>lifetime</translation>
    </message>
    <message>
        <source>no refill</source>
        <translation>no refill</translation>
    </message>
    <message>
        <source>not stated (the panel decides)</source>
        <translation>not stated (the panel decides)</translation>
    </message>
</context>
<context>
    <name>RefillWindowButton</name>
    <message>
        <source>Refill window…</source>
        <translation>Refill window…</translation>
    </message>
    <message>
        <source>How long the selected service&apos;s refill guarantee lasts</source>
        <translation>How long the selected service&apos;s refill guarantee lasts</translation>
    </message>
</context>
<context>
    <name>RefillWindowDialog</name>
    <message>
        <source>Refill window</source>
        <translation>Refill window</translation>
    </message>
    <message>
        <source>From the service name ({0})</source>
        <translation>From the service name ({0})</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Days</translation>
    </message>
    <message>
        <source>Lifetime</source>
        <translation>Lifetime</translation>
    </message>
    <message>
        <source>No refill</source>
        <translation>No refill</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>Window:</translation>
    </message>
    <message>
        <source>Days:</source>
        <translation>Days:</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <source>Resolve order #{id}</source>
        <translation>Resolve order #{id}</translation>
    </message>
    <message>
        <source>The panel&apos;s answer to this order was lost, so it may or may not have been placed (and charged). Look in the panel&apos;s own order list for an order with this link, service and quantity, created at this time, then say what you found.</source>
        <translation>The panel&apos;s answer to this order was lost, so it may or may not have been placed (and charged). Look in the panel&apos;s own order list for an order with this link, service and quantity, created at this time, then say what you found.</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Service:</translation>
    </message>
    <message>
        <source>Link:</source>
        <translation>Link:</translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation>Quantity:</translation>
    </message>
    <message>
        <source>Sent at:</source>
        <translation>Sent at:</translation>
    </message>
    <message>
        <source>What happened:</source>
        <translation>What happened:</translation>
    </message>
    <message>
        <source>I found it on the panel; its order id is:</source>
        <translation>I found it on the panel; its order id is:</translation>
    </message>
    <message>
        <source>the panel&apos;s order id</source>
        <translation>the panel&apos;s order id</translation>
    </message>
    <message>
        <source>It is not on the panel: it was not placed</source>
        <translation>It is not on the panel: it was not placed</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <source>Enter the order id (digits) you found on the panel.</source>
        <translation>Enter the order id (digits) you found on the panel.</translation>
    </message>
</context>
<context>
    <name>ServiceDetails</name>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Category:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Rate per 1000:</source>
        <translation>Rate per 1000:</translation>
    </message>
    <message>
        <source>Min / max:</source>
        <translation>Min / max:</translation>
    </message>
    <message>
        <source>Refill / cancel / drip-feed:</source>
        <translation>Refill / cancel / drip-feed:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Description:</translation>
    </message>
    <message>
        <source>Service: none chosen</source>
        <translation>Service: none chosen</translation>
    </message>
    <message>
        <source>Service {id}</source>
        <translation>Service {id}</translation>
    </message>
    <message>
        <source>{price} per package</source>
        <translation>{price} per package</translation>
    </message>
    <message>
        <source>refill {refill} · cancel {cancel} · drip-feed {dripfeed}</source>
        <translation>refill {refill} · cancel {cancel} · drip-feed {dripfeed}</translation>
    </message>
</context>
<context>
    <name>ServicePicker</name>
    <message>
        <source>Search services by id, name or category…</source>
        <translation>Search services by id, name or category…</translation>
    </message>
</context>
<context>
    <name>Services</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Rate per 1000</source>
        <translation>Rate per 1000</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max</translation>
    </message>
    <message>
        <source>Refill</source>
        <translation>Refill</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Drip-feed</source>
        <translation>Drip-feed</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>ServicesTab</name>
    <message>
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>Search by name, category or ID</source>
        <translation>Search by name, category or ID</translation>
    </message>
    <message>
        <source>Show one category</source>
        <translation>Show one category</translation>
    </message>
    <message>
        <source>Show one service type</source>
        <translation>Show one service type</translation>
    </message>
    <message>
        <source>Refill</source>
        <translation>Refill</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Drip-feed</source>
        <translation>Drip-feed</translation>
    </message>
    <message>
        <source>Only services that offer refill</source>
        <translation>Only services that offer refill</translation>
    </message>
    <message>
        <source>Only services that offer cancel</source>
        <translation>Only services that offer cancel</translation>
    </message>
    <message>
        <source>Only services that offer drip-feed</source>
        <translation>Only services that offer drip-feed</translation>
    </message>
    <message>
        <source>★ Favourites</source>
        <translation>★ Favourites</translation>
    </message>
    <message>
        <source>Only your favourite services</source>
        <translation>Only your favourite services</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Fetch the catalog from the panel again</source>
        <translation>Fetch the catalog from the panel again</translation>
    </message>
    <message>
        <source>O&amp;rder…</source>
        <translation>O&amp;rder…</translation>
    </message>
    <message>
        <source>Open New Order with the selected service</source>
        <translation>Open New Order with the selected service</translation>
    </message>
    <message>
        <source>{shown} of {total} services</source>
        <translation>{shown} of {total} services</translation>
    </message>
    <message>
        <source>Updated {time}</source>
        <translation>Updated {time}</translation>
    </message>
    <message>
        <source>Not fetched yet</source>
        <translation>Not fetched yet</translation>
    </message>
    <message>
        <source>Refresh failed: {error} — showing the catalog of {time}</source>
        <translation>Refresh failed: {error} — showing the catalog of {time}</translation>
    </message>
    <message>
        <source>Could not fetch the catalog: {error}</source>
        <translation>Could not fetch the catalog: {error}</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Refreshing…</translation>
    </message>
    <message>
        <source>★ Favourite</source>
        <translation>★ Favourite</translation>
    </message>
    <message>
        <source>☆ Favourite</source>
        <translation>☆ Favourite</translation>
    </message>
    <message>
        <source>Star the selected service (Favourites shows only these)</source>
        <translation>Star the selected service (Favourites shows only these)</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Search in the current tab</source>
        <translation>Search in the current tab</translation>
    </message>
    <message>
        <source>Refresh the current tab</source>
        <translation>Refresh the current tab</translation>
    </message>
    <message>
        <source>Go to a tab</source>
        <translation>Go to a tab</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>New order</translation>
    </message>
    <message>
        <source>On a service row: order it</source>
        <translation>On a service row: order it</translation>
    </message>
    <message>
        <source>In the order form: place the order (confirmed)</source>
        <translation>In the order form: place the order (confirmed)</translation>
    </message>
    <message>
        <source>Next / previous field, out of tables</source>
        <translation>Next / previous field, out of tables</translation>
    </message>
    <message>
        <source>The button or tab with that underlined letter</source>
        <translation>The button or tab with that underlined letter</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Does</translation>
    </message>
</context>
<context>
    <name>SpendChart</name>
    <message>
        <source>Spending per period</source>
        <translation>Spending per period</translation>
    </message>
    <message>
        <source>Spending per period: no orders yet</source>
        <translation>Spending per period: no orders yet</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Refresh balances</source>
        <translation>Refresh balances</translation>
    </message>
    <message>
        <source>Ask every panel for its balance, all at once</source>
        <translation>Ask every panel for its balance, all at once</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>Per day</translation>
    </message>
    <message>
        <source>Per week</source>
        <translation>Per week</translation>
    </message>
    <message>
        <source>Per month</source>
        <translation>Per month</translation>
    </message>
    <message>
        <source>Panel</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Open orders</source>
        <translation>Open orders</translation>
    </message>
    <message>
        <source>Spent, 30 days</source>
        <translation>Spent, 30 days</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message>
        <source>Charts:</source>
        <translation>Charts:</translation>
    </message>
    <message>
        <source>Fetching every balance…</source>
        <translation>Fetching every balance…</translation>
    </message>
    <message>
        <source>Balances fetched at %1</source>
        <translation>Balances fetched at %1</translation>
    </message>
    <message numerus="yes">
        <source>%n panel(s) did not answer</source>
        <translation>
            <numerusform>%n panel did not answer</numerusform>
            <numerusform>%n panels did not answer</numerusform>
        </translation>
    </message>
    <message>
        <source>The overview could not be read: %1</source>
        <translation>The overview could not be read: %1</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>error: %1</translation>
    </message>
    <message>
        <source>not fetched yet</source>
        <translation>not fetched yet</translation>
    </message>
    <message>
        <source>%1: balance below %2</source>
        <translation>%1: balance below %2</translation>
    </message>
    <message>
        <source>%1: balance not fetched (%2)</source>
        <translation>%1: balance not fetched (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n order(s) not moving</source>
        <translation>
            <numerusform>%1: %n order not moving</numerusform>
            <numerusform>%1: %n orders not moving</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n service(s) you use repriced or removed this week</source>
        <translation>
            <numerusform>%1: %n service you use repriced or removed this week</numerusform>
            <numerusform>%1: %n services you use repriced or removed this week</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrayWatch</name>
    <message>
        <source>Orders finished</source>
        <translation>Orders finished</translation>
    </message>
    <message>
        <source>Refills finished</source>
        <translation>Refills finished</translation>
    </message>
    <message>
        <source>Order stuck</source>
        <translation>Order stuck</translation>
    </message>
    <message>
        <source>Balance below the threshold</source>
        <translation>Balance below the threshold</translation>
    </message>
    <message>
        <source>A used service repriced or gone</source>
        <translation>A used service repriced or gone</translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation>&amp;Notifications</translation>
    </message>
    <message>
        <source>Low balance warning…</source>
        <translation>Low balance warning…</translation>
    </message>
    <message>
        <source>Stuck after…</source>
        <translation>Stuck after…</translation>
    </message>
    <message>
        <source>Hours without progress before an order is stuck</source>
        <translation>Hours without progress before an order is stuck</translation>
    </message>
    <message>
        <source>Keep running in the tray on close</source>
        <translation>Keep running in the tray on close</translation>
    </message>
    <message>
        <source>This desktop has no system tray</source>
        <translation>This desktop has no system tray</translation>
    </message>
    <message>
        <source>Show window</source>
        <translation>Show window</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Keep running in the tray?</source>
        <translation>Keep running in the tray?</translation>
    </message>
    <message>
        <source>The app can keep running in the system tray when its window is closed: auto-refresh goes on and you are told when orders finish, refills end, an order gets stuck or the balance runs low. Quit from the tray menu ends it. You can change this any time in the Notifications menu.</source>
        <translation>The app can keep running in the system tray when its window is closed: auto-refresh goes on and you are told when orders finish, refills end, an order gets stuck or the balance runs low. Quit from the tray menu ends it. You can change this any time in the Notifications menu.</translation>
    </message>
    <message>
        <source>Low balance warning</source>
        <translation>Low balance warning</translation>
    </message>
    <message>
        <source>Warn when the balance of {0} falls below (empty: never):</source>
        <translation>Warn when the balance of {0} falls below (empty: never):</translation>
    </message>
    <message>
        <source>Not an amount: {0}</source>
        <translation>Not an amount: {0}</translation>
    </message>
    <message>
        <source>Stuck orders</source>
        <translation>Stuck orders</translation>
    </message>
    <message>
        <source>Hours without progress before an open order counts as stuck:</source>
        <translation>Hours without progress before an open order counts as stuck:</translation>
    </message>
</context>
<context>
    <name>ViewMenu</name>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Theme</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>The interface will be in {language} from the next start.</source>
        <translation>The interface will be in {language} from the next start.</translation>
    </message>
</context>
<context>
    <name>WatchMarks</name>
    <message>
        <source>Stuck: no progress for {0} h. Cancel it or ask the panel.</source>
        <translation>Stuck: no progress for {0} h. Cancel it or ask the panel.</translation>
    </message>
    <message>
        <source>Can be refilled now</source>
        <translation>Can be refilled now</translation>
    </message>
    <message>
        <source>No refill now: {0}</source>
        <translation>No refill now: {0}</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>&lt;h2&gt;Welcome to SMPanel Desktop&lt;/h2&gt;&lt;p&gt;Browse a panel&apos;s services, place orders of every type and track them, with your API key kept in the system keyring.&lt;/p&gt;&lt;p&gt;Connect the panel you use with its API key, or try everything on the built-in &lt;b&gt;demo panel&lt;/b&gt;: a simulated panel on this computer, no account and no money needed.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Welcome to SMPanel Desktop&lt;/h2&gt;&lt;p&gt;Browse a panel&apos;s services, place orders of every type and track them, with your API key kept in the system keyring.&lt;/p&gt;&lt;p&gt;Connect the panel you use with its API key, or try everything on the built-in &lt;b&gt;demo panel&lt;/b&gt;: a simulated panel on this computer, no account and no money needed.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>&amp;Try the demo panel</source>
        <translation>&amp;Try the demo panel</translation>
    </message>
    <message>
        <source>&amp;Add my panel…</source>
        <translation>&amp;Add my panel…</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>&amp;Save and open</source>
        <translation>&amp;Save and open</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Add your panel&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Add your panel&lt;/h3&gt;</translation>
    </message>
</context>
<context>
    <name>WindowKeys</name>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>New order</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Main toolbar</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Panel</source>
        <translation>&amp;Panel</translation>
    </message>
    <message>
        <source>&amp;Manage panels…</source>
        <translation>&amp;Manage panels…</translation>
    </message>
    <message>
        <source>Set API &amp;key…</source>
        <translation>Set API &amp;key…</translation>
    </message>
    <message>
        <source>&amp;Switch panel</source>
        <translation>&amp;Switch panel</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;About {app}</source>
        <translation>&amp;About {app}</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Open &amp;data folder</source>
        <translation>Open &amp;data folder</translation>
    </message>
    <message>
        <source>Try the demo panel</source>
        <translation>Try the demo panel</translation>
    </message>
    <message>
        <source>The demo panel needs no key.</source>
        <translation>The demo panel needs no key.</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>About {app}</translation>
    </message>
    <message>
        <source>A desktop app for SMM panels speaking the API v2.</source>
        <translation>A desktop app for SMM panels speaking the API v2.</translation>
    </message>
    <message>
        <source>API keys are kept in the system keyring only.</source>
        <translation>API keys are kept in the system keyring only.</translation>
    </message>
</context>
</TS>
