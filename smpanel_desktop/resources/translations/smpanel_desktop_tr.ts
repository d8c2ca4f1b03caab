<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr_TR" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>Cannot open that panel: {error}</source>
        <translation>Bu panel açılamadı: {error}</translation>
    </message>
    <message>
        <source>Orders being sent when the app last stopped: {count}. They may have been placed: see Orders ▸ Resolve.</source>
        <translation>Uygulama son kapandığında gönderilmekte olan sipariş sayısı: {count}. Bu siparişler verilmiş olabilir: Siparişler ▸ Çözümle bölümüne bakın.</translation>
    </message>
</context>
<context>
    <name>AppContext</name>
    <message>
        <source>{what} failed: {error}</source>
        <translation>{what} başarısız: {error}</translation>
    </message>
    <message numerus="yes">
        <source>Catalog refreshed: %Ln service(s)</source>
        <translation>
            <numerusform>Katalog yenilendi: %Ln servis</numerusform>
        </translation>
    </message>
    <message>
        <source>Catalog refresh</source>
        <translation>Katalog yenileme</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Bakiye</translation>
    </message>
</context>
<context>
    <name>BalanceChart</name>
    <message>
        <source>Balance history</source>
        <translation>Bakiye geçmişi</translation>
    </message>
    <message>
        <source>Balance history: no balance fetched yet</source>
        <translation>Bakiye geçmişi: henüz bakiye alınmadı</translation>
    </message>
</context>
<context>
    <name>BalanceTab</name>
    <message>
        <source>Balance</source>
        <translation>Bakiye</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Yenile</translation>
    </message>
    <message>
        <source>Ask the panel for the balance now</source>
        <translation>Bakiyeyi şimdi panelden sor</translation>
    </message>
    <message>
        <source>Balance on {panel}</source>
        <translation>{panel} bakiyesi</translation>
    </message>
    <message>
        <source>No panel</source>
        <translation>Panel yok</translation>
    </message>
    <message>
        <source>Not fetched yet</source>
        <translation>Henüz alınmadı</translation>
    </message>
    <message>
        <source>Updated {time}</source>
        <translation>Güncellendi: {time}</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Yenileniyor…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Yeni&amp;le</translation>
    </message>
    <message>
        <source>Could not fetch the balance: {error}</source>
        <translation>Bakiye alınamadı: {error}</translation>
    </message>
</context>
<context>
    <name>CatalogChanges</name>
    <message>
        <source>yes</source>
        <translation>var</translation>
    </message>
    <message>
        <source>no</source>
        <translation>yok</translation>
    </message>
    <message>
        <source>new service</source>
        <translation>yeni servis</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>kaldırıldı</translation>
    </message>
    <message>
        <source>price</source>
        <translation>fiyat</translation>
    </message>
    <message>
        <source>minimum</source>
        <translation>en az</translation>
    </message>
    <message>
        <source>maximum</source>
        <translation>en fazla</translation>
    </message>
    <message>
        <source>refill</source>
        <translation>telafi</translation>
    </message>
    <message>
        <source>cancel</source>
        <translation>iptal</translation>
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
            <numerusform>Değişiklikler (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to services you use</source>
        <translation>
            <numerusform>Kullandığınız servislerde %n değişiklik</numerusform>
        </translation>
    </message>
    <message>
        <source>What changed in the catalog in the last 7 days</source>
        <translation>Son 7 günde katalogda neler değişti</translation>
    </message>
</context>
<context>
    <name>CatalogChangesView</name>
    <message>
        <source>Catalog changes</source>
        <translation>Katalog değişiklikleri</translation>
    </message>
    <message>
        <source>Only services I use</source>
        <translation>Yalnızca kullandığım servisler</translation>
    </message>
    <message>
        <source>Services you have ordered from or starred</source>
        <translation>Sipariş verdiğiniz ya da yıldızladığınız servisler</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Ne zaman</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servis</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Değişiklik</translation>
    </message>
    <message>
        <source>Old → new</source>
        <translation>Eski → yeni</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Ad</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) in the last 7 days</source>
        <translation>
            <numerusform>Son 7 günde %n değişiklik</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to services you use (★)</source>
        <translation>
            <numerusform>%n tanesi kullandığınız servislerde (★)</numerusform>
        </translation>
    </message>
    <message>
        <source>You have ordered from or starred this service</source>
        <translation>Bu servisten sipariş verdiniz ya da onu yıldızladınız</translation>
    </message>
</context>
<context>
    <name>ComparePage</name>
    <message>
        <source>Service to compare, e.g. instagram likes</source>
        <translation>Karşılaştırılacak servis, ör. instagram beğeni</translation>
    </message>
    <message>
        <source>Panel</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servis</translation>
    </message>
    <message>
        <source>Rate / 1000</source>
        <translation>Fiyat / 1000</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Para birimi</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Maks</translation>
    </message>
    <message>
        <source>Refill</source>
        <translation>Telafi</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Ad</translation>
    </message>
    <message>
        <source>Mark as the same service</source>
        <translation>Aynı servis olarak işaretle</translation>
    </message>
    <message>
        <source>Select services of two panels that are the same</source>
        <translation>İki paneldeki aynı servisleri seçin</translation>
    </message>
    <message>
        <source>Order on the cheaper panel</source>
        <translation>Ucuz panelden sipariş ver</translation>
    </message>
    <message>
        <source>Set exchange rate</source>
        <translation>Döviz kurunu kaydet</translation>
    </message>
    <message>
        <source>1</source>
        <translation>1</translation>
    </message>
    <message>
        <source>(linked) </source>
        <translation>(bağlı) </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>evet</translation>
    </message>
    <message>
        <source>no</source>
        <translation>hayır</translation>
    </message>
    <message>
        <source>No cached service matches.</source>
        <translation>Önbellekteki hiçbir servis eşleşmedi.</translation>
    </message>
    <message numerus="yes">
        <source>More than %n services found; the cheapest %n shown</source>
        <translation>
            <numerusform>%n servisten fazlası bulundu; en ucuz %n tanesi gösteriliyor</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n service(s) found</source>
        <translation>
            <numerusform>%n servis bulundu</numerusform>
        </translation>
    </message>
    <message>
        <source>Marked as the same service.</source>
        <translation>Aynı servis olarak işaretlendi.</translation>
    </message>
    <message>
        <source>Cheapest: %1 on %2</source>
        <translation>En ucuzu: %1 (%2)</translation>
    </message>
    <message>
        <source>Exchange rate stored.</source>
        <translation>Döviz kuru kaydedildi.</translation>
    </message>
</context>
<context>
    <name>DescribeTexts</name>
    <message numerus="yes">
        <source>Imported %Ln order(s).</source>
        <translation>
            <numerusform>%Ln sipariş içe aktarıldı.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>Unlimited</source>
        <translation>Sınırsız</translation>
    </message>
    <message>
        <source>never</source>
        <translation>hiç</translation>
    </message>
</context>
<context>
    <name>ImportOrdersDialog</name>
    <message>
        <source>Import orders</source>
        <translation>Sipariş içe aktar</translation>
    </message>
    <message>
        <source>Paste the panel&apos;s order ids (separated by commas, spaces or lines).</source>
        <translation>Paneldeki sipariş numaralarını yapıştırın (virgül, boşluk ya da satırla ayrılmış).</translation>
    </message>
    <message>
        <source>23501, 23502
23510</source>
        <translation>23501, 23502
23510</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>İçe aktar</translation>
    </message>
    <message numerus="yes">
        <source>%Ln order id(s)</source>
        <translation>
            <numerusform>%Ln sipariş numarası</numerusform>
        </translation>
    </message>
    <message>
        <source>not ids (ignored): </source>
        <translation>numara olmayanlar (yok sayıldı): </translation>
    </message>
    <message numerus="yes">
        <source>at most %Ln at a time</source>
        <translation>
            <numerusform>tek seferde en fazla %Ln</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeyDialog</name>
    <message>
        <source>API key for {panel}</source>
        <translation>{panel} için API anahtarı</translation>
    </message>
    <message>
        <source>Paste the new key</source>
        <translation>Yeni anahtarı yapıştırın</translation>
    </message>
    <message>
        <source>&amp;Save key</source>
        <translation>Anahtarı &amp;kaydet</translation>
    </message>
    <message>
        <source>&amp;Delete key</source>
        <translation>Anahtarı &amp;sil</translation>
    </message>
    <message>
        <source>Save &amp;anyway</source>
        <translation>Yine &amp;de kaydet</translation>
    </message>
    <message>
        <source>Panel</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Stored key</source>
        <translation>Kayıtlı anahtar</translation>
    </message>
    <message>
        <source>New key</source>
        <translation>Yeni anahtar</translation>
    </message>
    <message>
        <source>Kept in: {place}</source>
        <translation>Saklandığı yer: {place}</translation>
    </message>
    <message>
        <source>No key stored</source>
        <translation>Kayıtlı anahtar yok</translation>
    </message>
    <message>
        <source>SMPANEL_API_KEY is set: it is used instead of the stored key.</source>
        <translation>SMPANEL_API_KEY tanımlı: kayıtlı anahtar yerine o kullanılıyor.</translation>
    </message>
    <message>
        <source>Checking the key with the panel…</source>
        <translation>Anahtar panelde deneniyor…</translation>
    </message>
    <message>
        <source>The panel refused this key: {error}. It was not saved.</source>
        <translation>Panel bu anahtarı kabul etmedi: {error}. Anahtar kaydedilmedi.</translation>
    </message>
    <message>
        <source>The key could not be checked: {error}. It was not saved.</source>
        <translation>Anahtar denenemedi: {error}. Anahtar kaydedilmedi.</translation>
    </message>
    <message>
        <source>Key saved.</source>
        <translation>Anahtar kaydedildi.</translation>
    </message>
    <message>
        <source>Could not delete the key: {error}</source>
        <translation>Anahtar silinemedi: {error}</translation>
    </message>
    <message>
        <source>Key deleted.</source>
        <translation>Anahtar silindi.</translation>
    </message>
</context>
<context>
    <name>KeyringUnavailableDialog</name>
    <message>
        <source>&lt;p&gt;API keys are kept only in your system&apos;s keyring, never in a file, and no keyring is available right now.&lt;/p&gt;&lt;p&gt;&lt;b&gt;To keep keys between runs&lt;/b&gt;, install a Secret Service provider and log in again:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Debian, Ubuntu, Mint: &lt;code&gt;sudo apt install gnome-keyring&lt;/code&gt;&lt;/li&gt;&lt;li&gt;Fedora: &lt;code&gt;sudo dnf install gnome-keyring&lt;/code&gt;&lt;/li&gt;&lt;li&gt;KDE Plasma: enable KWallet (&lt;code&gt;kwalletmanager&lt;/code&gt;)&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Or keep the key &lt;b&gt;in memory only&lt;/b&gt;: it is forgotten when the app closes, and you enter it again next time.&lt;/p&gt;</source>
        <translation>&lt;p&gt;API anahtarları hiçbir zaman bir dosyada değil, yalnızca sisteminizin anahtarlığında saklanır; şu anda kullanılabilir bir anahtarlık yok.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Anahtarları kalıcı saklamak için&lt;/b&gt; bir Secret Service sağlayıcısı kurun ve oturumu yeniden açın:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Debian, Ubuntu, Mint: &lt;code&gt;sudo apt install gnome-keyring&lt;/code&gt;&lt;/li&gt;&lt;li&gt;Fedora: &lt;code&gt;sudo dnf install gnome-keyring&lt;/code&gt;&lt;/li&gt;&lt;li&gt;KDE Plasma: KWallet&apos;ı etkinleştirin (&lt;code&gt;kwalletmanager&lt;/code&gt;)&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Ya da anahtarı &lt;b&gt;yalnızca bellekte&lt;/b&gt; tutun: uygulama kapanınca unutulur, bir dahaki sefere yeniden girersiniz.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No keyring available</source>
        <translation>Anahtarlık bulunamadı</translation>
    </message>
    <message>
        <source>Details: {reason}</source>
        <translation>Ayrıntı: {reason}</translation>
    </message>
    <message>
        <source>Keep in memory for this run</source>
        <translation>Bu oturum için bellekte tut</translation>
    </message>
</context>
<context>
    <name>LedgerPage</name>
    <message>
        <source>Day</source>
        <translation>Gün</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Hafta</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Ay</translation>
    </message>
    <message>
        <source>Panel</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servis</translation>
    </message>
    <message>
        <source>since YYYY-MM-DD (optional)</source>
        <translation>başlangıç YYYY-MM-DD (isteğe bağlı)</translation>
    </message>
    <message>
        <source>Period / panel / service</source>
        <translation>Dönem / panel / servis</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Para birimi</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Toplam</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Sipariş</translation>
    </message>
    <message>
        <source>Profit</source>
        <translation>Kâr</translation>
    </message>
    <message>
        <source>Export ledger CSV…</source>
        <translation>Harcamaları CSV olarak aktar…</translation>
    </message>
    <message>
        <source>Export orders CSV…</source>
        <translation>Siparişleri CSV olarak aktar…</translation>
    </message>
    <message>
        <source>markup %, e.g. 30</source>
        <translation>kâr oranı %, ör. 30</translation>
    </message>
    <message>
        <source>Set markup</source>
        <translation>Kâr oranını kaydet</translation>
    </message>
    <message>
        <source>local order #</source>
        <translation>yerel sipariş no</translation>
    </message>
    <message>
        <source>resold for</source>
        <translation>satış fiyatı</translation>
    </message>
    <message>
        <source>Set resale price</source>
        <translation>Satış fiyatını kaydet</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>Gruplama</translation>
    </message>
    <message>
        <source>Profit: default markup of</source>
        <translation>Kâr: varsayılan kâr oranı</translation>
    </message>
    <message>
        <source>Not a date: use YYYY-MM-DD.</source>
        <translation>Geçerli bir tarih değil: YYYY-MM-DD biçiminde yazın.</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV olarak aktar</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV dosyaları (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) written to %1</source>
        <translation>
            <numerusform>%1 dosyasına %n satır yazıldı</numerusform>
        </translation>
    </message>
    <message>
        <source>Give the local order number (the # in Orders).</source>
        <translation>Yerel sipariş numarasını yazın (Siparişler&apos;deki #).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Services</source>
        <translation>&amp;Servisler</translation>
    </message>
    <message>
        <source>&amp;New Order</source>
        <translation>Ye&amp;ni Sipariş</translation>
    </message>
    <message>
        <source>&amp;Orders</source>
        <translation>S&amp;iparişler</translation>
    </message>
    <message>
        <source>&amp;Balance</source>
        <translation>&amp;Bakiye</translation>
    </message>
    <message>
        <source>Overvie&amp;w</source>
        <translation>Genel Ba&amp;kış</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● Çevrimiçi</translation>
    </message>
    <message>
        <source>● DEMO panel (built-in sandbox)</source>
        <translation>● DEMO panel (yerleşik deneme ortamı)</translation>
    </message>
    <message>
        <source>● Connecting…</source>
        <translation>● Bağlanıyor…</translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation>● Çevrimdışı</translation>
    </message>
    <message>
        <source>● API key refused</source>
        <translation>● API anahtarı reddedildi</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Açılıyor…</translation>
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
        <translation>Panel yok</translation>
    </message>
    <message>
        <source> — showing cached data</source>
        <translation> — önbellekteki veriler gösteriliyor</translation>
    </message>
    <message>
        <source>never</source>
        <translation>hiç</translation>
    </message>
    <message>
        <source>Last refresh: {when}</source>
        <translation>Son yenileme: {when}</translation>
    </message>
</context>
<context>
    <name>MassOrderEntry</name>
    <message>
        <source>&amp;Orders</source>
        <translation>Sipari&amp;şler</translation>
    </message>
    <message>
        <source>&amp;Mass order…</source>
        <translation>&amp;Toplu sipariş…</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Ana</translation>
    </message>
</context>
<context>
    <name>MassOrderView</name>
    <message>
        <source>One order a line: service|link|quantity or service|quantity|link
# comment</source>
        <translation>Her satıra bir sipariş: servis|bağlantı|miktar ya da servis|miktar|bağlantı
# yorum</translation>
    </message>
    <message>
        <source>Import file…</source>
        <translation>Dosyadan al…</translation>
    </message>
    <message>
        <source>Skip invalid lines</source>
        <translation>Geçersiz satırları atla</translation>
    </message>
    <message>
        <source>Allow lines whose service and link already have an open order</source>
        <translation>Servisi ve bağlantısı için açık sipariş olan satırlara izin ver</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Durdur</translation>
    </message>
    <message>
        <source>Stop after the current line</source>
        <translation>O anki satırdan sonra durdur</translation>
    </message>
    <message>
        <source>Paste the orders, or import a .txt, .csv or .xlsx file:</source>
        <translation>Siparişleri yapıştırın ya da bir .txt, .csv veya .xlsx dosyası alın:</translation>
    </message>
    <message>
        <source>Import a mass order</source>
        <translation>Toplu sipariş dosyası al</translation>
    </message>
    <message>
        <source>Orders (*.txt *.csv *.xlsx);;All files (*)</source>
        <translation>Siparişler (*.txt *.csv *.xlsx);;Tüm dosyalar (*)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Dosya okunuyor…</translation>
    </message>
    <message>
        <source>The file cannot be imported: %1</source>
        <translation>Dosya alınamıyor: %1</translation>
    </message>
    <message>
        <source>The lines could not be checked: %1</source>
        <translation>Satırlar kontrol edilemedi: %1</translation>
    </message>
    <message numerus="yes">
        <source>Place %n order(s)…</source>
        <translation>
            <numerusform>%n sipariş ver…</numerusform>
        </translation>
    </message>
    <message>
        <source>Mass order</source>
        <translation>Toplu sipariş</translation>
    </message>
    <message>
        <source>The panel was switched: nothing was sent.</source>
        <translation>Panel değişti: hiçbir şey gönderilmedi.</translation>
    </message>
    <message>
        <source>Placing the orders…</source>
        <translation>Siparişler veriliyor…</translation>
    </message>
    <message>
        <source>Stopping after the current line…</source>
        <translation>O anki satırdan sonra duruluyor…</translation>
    </message>
    <message>
        <source>The batch ended with an error (%1): check Orders before sending it again.</source>
        <translation>Toplu sipariş bir hatayla bitti (%1): yeniden göndermeden önce Siparişler sekmesine bakın.</translation>
    </message>
    <message>
        <source>total %1</source>
        <translation>toplam %1</translation>
    </message>
    <message>
        <source>balance %1</source>
        <translation>bakiye %1</translation>
    </message>
    <message>
        <source>more than the balance</source>
        <translation>bakiyeden fazla</translation>
    </message>
    <message>
        <source>already placed on %1</source>
        <translation>%1 tarihinde zaten verildi</translation>
    </message>
    <message>
        <source>This batch was already placed on %1. Place it again?</source>
        <translation>Bu toplu sipariş %1 tarihinde zaten verildi. Yeniden verilsin mi?</translation>
    </message>
    <message>
        <source>%n placed</source>
        <translation>%n verildi</translation>
    </message>
    <message>
        <source>%n refused by the panel</source>
        <translation>%n panel tarafından reddedildi</translation>
    </message>
    <message>
        <source>%n unknown</source>
        <translation>%n bilinmiyor</translation>
    </message>
    <message>
        <source>%n not sent</source>
        <translation>%n gönderilmedi</translation>
    </message>
    <message>
        <source>stopped after the current line</source>
        <translation>o anki satırdan sonra durduruldu</translation>
    </message>
    <message>
        <source>Orders whose answer was lost MAY have been placed: resolve them in Orders before placing them again.</source>
        <translation>Yanıtı kaybolan siparişler verilmiş OLABİLİR: yeniden vermeden önce Siparişler sekmesinde çözümleyin.</translation>
    </message>
</context>
<context>
    <name>MassOrderWindow</name>
    <message>
        <source>Mass order</source>
        <translation>Toplu sipariş</translation>
    </message>
</context>
<context>
    <name>NewOrder</name>
    <message>
        <source>The answer to this order was lost ({cause}). The order MAY have been placed and your balance MAY have been charged. It is recorded in Orders with the state “unknown”. Do not place it again yet: look for it in the panel&apos;s own order list, then in the Orders tab select it and choose Resolve — attach the order id you found, or mark it as not placed.</source>
        <translation>Bu siparişin yanıtı kayboldu ({cause}). Sipariş verilmiş ve bakiyenizden düşülmüş OLABİLİR. Siparişler sekmesinde “bilinmiyor” durumuyla kayıtlı. Şimdilik yeniden vermeyin: önce panelin kendi sipariş listesine bakın, sonra Siparişler sekmesinde siparişi seçip Çözümle&apos;ye tıklayın — bulduğunuz sipariş numarasını girin ya da verilmedi olarak işaretleyin.</translation>
    </message>
    <message>
        <source>The panel refused the order: {error} — nothing was placed; top up and retry.</source>
        <translation>Panel siparişi reddetti: {error} — sipariş verilmedi; bakiye yükleyip yeniden deneyin.</translation>
    </message>
    <message>
        <source>The panel refused the order: {error} — nothing was placed.</source>
        <translation>Panel siparişi reddetti: {error} — sipariş verilmedi.</translation>
    </message>
    <message>
        <source>The order was not sent: {error}. Nothing was placed; try again when connected.</source>
        <translation>Sipariş gönderilemedi: {error}. Sipariş verilmedi; bağlantı gelince yeniden deneyin.</translation>
    </message>
    <message>
        <source>The order was not placed: {error}.</source>
        <translation>Sipariş verilmedi: {error}.</translation>
    </message>
    <message>
        <source>Something went wrong ({kind}: {error}). Check the Orders tab before placing this order again.</source>
        <translation>Bir şeyler ters gitti ({kind}: {error}). Bu siparişi yeniden vermeden önce Siparişler sekmesine bakın.</translation>
    </message>
</context>
<context>
    <name>NewOrderTab</name>
    <message>
        <source>Service:</source>
        <translation>Servis:</translation>
    </message>
    <message>
        <source>The service of preset “%1” is not in the catalog.</source>
        <translation>“%1” hazır ayarının servisi katalogda yok.</translation>
    </message>
    <message>
        <source>Cost: choose a service</source>
        <translation>Tutar: bir servis seçin</translation>
    </message>
    <message>
        <source>Cost: unknown — this service is not in the current catalog</source>
        <translation>Tutar: bilinmiyor — bu servis güncel katalogda yok</translation>
    </message>
    <message>
        <source>Cost: {amount}</source>
        <translation>Tutar: {amount}</translation>
    </message>
    <message>
        <source>Correct the marked fields: nothing was sent.</source>
        <translation>İşaretli alanları düzeltin: hiçbir şey gönderilmedi.</translation>
    </message>
    <message>
        <source>Not connected to a panel: nothing can be sent.</source>
        <translation>Bir panele bağlı değil: hiçbir şey gönderilemez.</translation>
    </message>
    <message>
        <source>The panel was switched before you confirmed: nothing was sent.</source>
        <translation>Onaylamadan önce panel değişti: hiçbir şey gönderilmedi.</translation>
    </message>
    <message>
        <source>Placing the order…</source>
        <translation>Sipariş veriliyor…</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>Orders finished: {0}</source>
        <translation>Biten siparişler: {0}</translation>
    </message>
    <message>
        <source>Order {0} is stuck: no progress for hours</source>
        <translation>{0} numaralı sipariş takıldı: saatlerdir ilerleme yok</translation>
    </message>
    <message>
        <source>Service {0} is gone from the catalog: {1}</source>
        <translation>{0} numaralı servis katalogdan kalktı: {1}</translation>
    </message>
    <message>
        <source>Service {0} changed its price: {1} → {2} ({3})</source>
        <translation>{0} numaralı servisin fiyatı değişti: {1} → {2} ({3})</translation>
    </message>
    <message>
        <source>Orders finished</source>
        <translation>Siparişler bitti</translation>
    </message>
    <message>
        <source>Refills finished</source>
        <translation>Telafiler bitti</translation>
    </message>
    <message>
        <source>Stuck orders</source>
        <translation>Takılan siparişler</translation>
    </message>
    <message>
        <source>Balance of {0}: {1} {3}, below {2} {3}</source>
        <translation>{0} bakiyesi: {1} {3}, {2} {3} sınırının altında</translation>
    </message>
    <message>
        <source>Low balance</source>
        <translation>Düşük bakiye</translation>
    </message>
    <message>
        <source>A service you use changed</source>
        <translation>Kullandığınız bir servis değişti</translation>
    </message>
</context>
<context>
    <name>OrderConfirmDialog</name>
    <message>
        <source>Place this order?</source>
        <translation>Bu sipariş verilsin mi?</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Servis:</translation>
    </message>
    <message>
        <source>Link:</source>
        <translation>Bağlantı:</translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation>Miktar:</translation>
    </message>
    <message>
        <source>Runs:</source>
        <translation>Tekrar:</translation>
    </message>
    <message>
        <source>Cost:</source>
        <translation>Tutar:</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>bilinmiyor</translation>
    </message>
    <message>
        <source>{field}:</source>
        <translation>{field}:</translation>
    </message>
    <message>
        <source>The panel charges your balance when it accepts the order.</source>
        <translation>Panel siparişi kabul edince tutar bakiyenizden düşülür.</translation>
    </message>
    <message>
        <source>Place order</source>
        <translation>Siparişi ver</translation>
    </message>
</context>
<context>
    <name>OrderFields</name>
    <message>
        <source>Link</source>
        <translation>Bağlantı</translation>
    </message>
    <message>
        <source>A link (https://…, instagram.com/p/…, t.me/…) or @username</source>
        <translation>Bir bağlantı (https://…, instagram.com/p/…, t.me/…) ya da @kullanıcıadı</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Miktar</translation>
    </message>
    <message>
        <source>Within the service&apos;s min and max</source>
        <translation>Servisin en az ve en fazla değeri arasında</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Tekrar</translation>
    </message>
    <message>
        <source>Repeat the order N times</source>
        <translation>Siparişi N kez tekrarla</translation>
    </message>
    <message>
        <source>Interval (minutes)</source>
        <translation>Aralık (dakika)</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Yorumlar</translation>
    </message>
    <message>
        <source>One comment a line</source>
        <translation>Her satıra bir yorum</translation>
    </message>
    <message>
        <source>Usernames</source>
        <translation>Kullanıcı adları</translation>
    </message>
    <message>
        <source>One username a line</source>
        <translation>Her satıra bir kullanıcı adı</translation>
    </message>
    <message>
        <source>Hashtags</source>
        <translation>Hashtag&apos;ler</translation>
    </message>
    <message>
        <source>One hashtag a line</source>
        <translation>Her satıra bir hashtag</translation>
    </message>
    <message>
        <source>Hashtag</source>
        <translation>Hashtag</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Kullanıcı adı</translation>
    </message>
    <message>
        <source>Whose followers</source>
        <translation>Kimin takipçileri</translation>
    </message>
    <message>
        <source>Media URL</source>
        <translation>Medya bağlantısı</translation>
    </message>
    <message>
        <source>Whose likers</source>
        <translation>Kimin beğenenleri</translation>
    </message>
    <message>
        <source>Comment owner</source>
        <translation>Yorum sahibi</translation>
    </message>
    <message>
        <source>Answer number</source>
        <translation>Cevap numarası</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruplar</translation>
    </message>
    <message>
        <source>One group a line</source>
        <translation>Her satıra bir grup</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Anahtar kelimeler</translation>
    </message>
    <message>
        <source>One keyword a line</source>
        <translation>Her satıra bir anahtar kelime</translation>
    </message>
    <message>
        <source>Min per post</source>
        <translation>Gönderi başına en az</translation>
    </message>
    <message>
        <source>Max per post</source>
        <translation>Gönderi başına en fazla</translation>
    </message>
    <message>
        <source>New posts</source>
        <translation>Yeni gönderiler</translation>
    </message>
    <message>
        <source>Empty = unlimited</source>
        <translation>Boş = sınırsız</translation>
    </message>
    <message>
        <source>Old posts</source>
        <translation>Eski gönderiler</translation>
    </message>
    <message>
        <source>Delay (minutes)</source>
        <translation>Gecikme (dakika)</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Bitiş tarihi</translation>
    </message>
    <message>
        <source>d/m/Y; empty = none</source>
        <translation>g/a/Y; boş = yok</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Ülke</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Cihaz</translation>
    </message>
    <message>
        <source>1-5</source>
        <translation>1-5</translation>
    </message>
    <message>
        <source>Type of traffic</source>
        <translation>Trafik türü</translation>
    </message>
    <message>
        <source>Google keyword</source>
        <translation>Google anahtar kelimesi</translation>
    </message>
    <message>
        <source>Referring URL</source>
        <translation>Yönlendiren adres</translation>
    </message>
</context>
<context>
    <name>OrderForm</name>
    <message>
        <source>Drip-feed: deliver in runs, total = quantity × runs</source>
        <translation>Drip-feed: parça parça teslim, toplam = miktar × tekrar</translation>
    </message>
    <message>
        <source>Extra fields, one NAME=VALUE a line (optional)</source>
        <translation>Ek alanlar, her satıra bir AD=DEĞER (isteğe bağlı)</translation>
    </message>
    <message>
        <source>Extra fields</source>
        <translation>Ek alanlar</translation>
    </message>
    <message>
        <source>Sent as given: the form of {kind} does not know {names}</source>
        <translation>Olduğu gibi gönderildi: {kind} formu {names} alanlarını tanımıyor</translation>
    </message>
    <message>
        <source>No expiry</source>
        <translation>Bitiş yok</translation>
    </message>
    <message numerus="yes">
        <source>%Ln comment(s)</source>
        <translation>
            <numerusform>%Ln yorum</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s)</source>
        <translation>
            <numerusform>%Ln satır</numerusform>
        </translation>
    </message>
    <message>
        <source>Not NAME=VALUE: {line}</source>
        <translation>AD=DEĞER biçiminde değil: {line}</translation>
    </message>
</context>
<context>
    <name>OrderProblems</name>
    <message>
        <source>Required</source>
        <translation>Zorunlu</translation>
    </message>
    <message>
        <source>Must be between {low} and {high}</source>
        <translation>{low} ile {high} arasında olmalı</translation>
    </message>
    <message>
        <source>At least {low}</source>
        <translation>En az {low}</translation>
    </message>
    <message>
        <source>At most {high}</source>
        <translation>En fazla {high}</translation>
    </message>
    <message>
        <source>Too long (at most {count} characters)</source>
        <translation>Çok uzun (en fazla {count} karakter)</translation>
    </message>
    <message>
        <source>{count} lines: this service takes at least {low}</source>
        <translation>{count} satır: bu servis en az {low} alır</translation>
    </message>
    <message>
        <source>{count} lines: this service takes at most {high}</source>
        <translation>{count} satır: bu servis en fazla {high} alır</translation>
    </message>
    <message>
        <source>Not a link: no spaces or line breaks. Expected: {wanted}</source>
        <translation>Bağlantı değil: boşluk ya da satır sonu olmamalı. Beklenen: {wanted}</translation>
    </message>
    <message>
        <source>Not a link. Expected: {wanted}</source>
        <translation>Bağlantı değil. Beklenen: {wanted}</translation>
    </message>
    <message>
        <source>Choose one of {choices}</source>
        <translation>Şunlardan birini seçin: {choices}</translation>
    </message>
    <message>
        <source>Not a field of {type} (fields: {fields})</source>
        <translation>{type} türünün alanı değil (alanlar: {fields})</translation>
    </message>
    <message>
        <source>Enter a whole number (digits only)</source>
        <translation>Bir tam sayı girin (yalnızca rakam)</translation>
    </message>
    <message>
        <source>Enter at least one line</source>
        <translation>En az bir satır girin</translation>
    </message>
    <message>
        <source>A single line, please</source>
        <translation>Lütfen tek satır</translation>
    </message>
    <message>
        <source>Contains control characters</source>
        <translation>Denetim karakterleri içeriyor</translation>
    </message>
    <message>
        <source>A single word, without spaces</source>
        <translation>Boşluksuz tek bir kelime</translation>
    </message>
    <message>
        <source>A date as d/m/Y (31/12/2026) or 2026-12-31</source>
        <translation>g/a/Y biçiminde bir tarih (31/12/2026) ya da 2026-12-31</translation>
    </message>
    <message>
        <source>The date is in the past</source>
        <translation>Tarih geçmişte kalmış</translation>
    </message>
    <message>
        <source>Only http:// and https:// links</source>
        <translation>Yalnızca http:// ve https:// bağlantıları</translation>
    </message>
    <message>
        <source>This service does not allow drip-feed</source>
        <translation>Bu servis drip-feed desteklemiyor</translation>
    </message>
    <message>
        <source>Drip-feed needs both runs and interval</source>
        <translation>Drip-feed için hem tekrar hem aralık gerekli</translation>
    </message>
    <message>
        <source>Max must not be less than min</source>
        <translation>En fazla değeri en az değerinden küçük olamaz</translation>
    </message>
    <message>
        <source>Not a field that can be set</source>
        <translation>Ayarlanabilen bir alan değil</translation>
    </message>
    <message>
        <source>A URL (https://…) or a domain with a path</source>
        <translation>Bir adres (https://…) ya da yol içeren bir alan adı</translation>
    </message>
</context>
<context>
    <name>OrderTexts</name>
    <message numerus="yes">
        <source>… and %Ln more</source>
        <translation>
            <numerusform>… ve %Ln tane daha</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s):</source>
        <translation>
            <numerusform>%Ln satır:</numerusform>
        </translation>
    </message>
    <message>
        <source>{runs} every {interval} min</source>
        <translation>{runs} kez, {interval} dakikada bir</translation>
    </message>
    <message>
        <source>This costs more than your last known balance.</source>
        <translation>Bu tutar bilinen son bakiyenizden fazla.</translation>
    </message>
    <message>
        <source>This costs more than your last known balance ({balance}).</source>
        <translation>Bu tutar bilinen son bakiyenizden ({balance}) fazla.</translation>
    </message>
    <message>
        <source>Placing order…</source>
        <translation>Sipariş veriliyor…</translation>
    </message>
    <message>
        <source>&amp;Place order…</source>
        <translation>Sipariş &amp;ver…</translation>
    </message>
    <message>
        <source>#{id} (local)</source>
        <translation>#{id} (yerel)</translation>
    </message>
    <message>
        <source>Pre-filled from order {order}.</source>
        <translation>{order} numaralı siparişten dolduruldu.</translation>
    </message>
    <message>
        <source>Order placed: id {order}. It is tracked in Orders.</source>
        <translation>Sipariş verildi: numara {order}. Siparişler sekmesinden takip ediliyor.</translation>
    </message>
    <message>
        <source> ({each} × {runs} runs = {total})</source>
        <translation> ({each} × {runs} tekrar = {total})</translation>
    </message>
    <message>
        <source> (quantity {quantity})</source>
        <translation> (miktar {quantity})</translation>
    </message>
    <message>
        <source>Cost: {range}</source>
        <translation>Tutar: {range}</translation>
    </message>
    <message>
        <source>Cost: per post delivered, {rate} per 1000 (fill in New posts to see a range)</source>
        <translation>Tutar: teslim edilen gönderi başına, 1000 adedi {rate} (aralığı görmek için Yeni gönderiler&apos;i doldurun)</translation>
    </message>
    <message>
        <source>Cost: enter the {field} (one a line) to see the cost</source>
        <translation>Tutar: görmek için {field} alanını doldurun (her satıra bir tane)</translation>
    </message>
    <message>
        <source>Cost: enter a quantity to see the cost</source>
        <translation>Tutar: görmek için miktar girin</translation>
    </message>
    <message>
        <source>{low} – {high} ({posts} posts × {min}–{max} each)</source>
        <translation>{low} – {high} ({posts} gönderi × gönderi başına {min}–{max})</translation>
    </message>
</context>
<context>
    <name>Orders</name>
    <message>
        <source>All orders</source>
        <translation>Tüm siparişler</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Açık</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Beklemede</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>İşlemde</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>Hazırlanıyor</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Tamamlandı</translation>
    </message>
    <message>
        <source>Partial</source>
        <translation>Kısmi</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>İptal edildi</translation>
    </message>
    <message>
        <source>Unknown outcome</source>
        <translation>Sonucu bilinmeyen</translation>
    </message>
    <message>
        <source>Rejected / not placed</source>
        <translation>Reddedilen / verilmeyen</translation>
    </message>
    <message>
        <source>Can be refilled</source>
        <translation>Telafi edilebilir</translation>
    </message>
    <message>
        <source>Stuck</source>
        <translation>Takılan</translation>
    </message>
    <message>
        <source>Filter by order id, service, link…</source>
        <translation>Sipariş no, servis, bağlantı ile süz…</translation>
    </message>
    <message>
        <source> s</source>
        <translation> sn</translation>
    </message>
    <message>
        <source>off</source>
        <translation>kapalı</translation>
    </message>
    <message>
        <source>Refresh open orders automatically every N seconds (0 = off)</source>
        <translation>Açık siparişleri N saniyede bir kendiliğinden yenile (0 = kapalı)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Yeni&amp;le</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Sipariş</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Oluşturulma</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servis</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Bağlantı</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Miktar</translation>
    </message>
    <message>
        <source>Charge</source>
        <translation>Ücret</translation>
    </message>
    <message>
        <source>Start count</source>
        <translation>Başlangıç</translation>
    </message>
    <message>
        <source>Remains</source>
        <translation>Kalan</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>İlerleme</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Durum</translation>
    </message>
    <message>
        <source>Refill</source>
        <translation>Telafi</translation>
    </message>
    <message>
        <source>Last checked</source>
        <translation>Son kontrol</translation>
    </message>
    <message>
        <source>Submitting…</source>
        <translation>Gönderiliyor…</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Bilinmiyor</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Reddedildi</translation>
    </message>
    <message>
        <source>Not placed</source>
        <translation>Verilmedi</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>İade edildi</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Hata</translation>
    </message>
    <message>
        <source>Not checked yet</source>
        <translation>Henüz kontrol edilmedi</translation>
    </message>
    <message>
        <source>Drip-feed: {runs} runs; child orders: {children}</source>
        <translation>Drip-feed: {runs} tekrar; alt siparişler: {children}</translation>
    </message>
    <message>
        <source>A run of drip-feed order {order}</source>
        <translation>{order} numaralı drip-feed siparişinin bir tekrarı</translation>
    </message>
    <message>
        <source>{percent}%</source>
        <translation>%{percent}</translation>
    </message>
    <message>
        <source>refused: {reason}</source>
        <translation>reddedildi: {reason}</translation>
    </message>
    <message>
        <source>{error}. It may have been placed and charged: find it on the panel, then Resolve.</source>
        <translation>{error}. Sipariş verilmiş ve ücreti düşülmüş olabilir: panelde bulun, sonra Çözümle&apos;yi kullanın.</translation>
    </message>
    <message>
        <source>The answer was lost</source>
        <translation>Yanıt kayboldu</translation>
    </message>
    <message>
        <source>Panel: {status}</source>
        <translation>Panelde: {status}</translation>
    </message>
</context>
<context>
    <name>OrdersActions</name>
    <message>
        <source>The answer to the {what} request was lost ({error}): the panel may or may not have accepted it. Check the order on the panel before asking again.</source>
        <translation>{what} isteğinin yanıtı kayboldu ({error}): panel isteği kabul etmiş de olabilir, etmemiş de. Yeniden istemeden önce siparişi panelde kontrol edin.</translation>
    </message>
    <message>
        <source>refill</source>
        <translation>telafi</translation>
    </message>
    <message>
        <source>cancel</source>
        <translation>iptal</translation>
    </message>
    <message>
        <source>Re&amp;fill</source>
        <translation>Tela&amp;fi</translation>
    </message>
    <message>
        <source>Ask the panel to refill the selected orders</source>
        <translation>Seçili siparişler için panelden telafi (refill) iste</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>İp&amp;tal</translation>
    </message>
    <message>
        <source>Ask the panel to cancel the selected orders</source>
        <translation>Seçili siparişler için panelden iptal iste</translation>
    </message>
    <message>
        <source>Reor&amp;der</source>
        <translation>Yenid&amp;en sipariş</translation>
    </message>
    <message>
        <source>Open New Order pre-filled from this order</source>
        <translation>Yeni Sipariş&apos;i bu siparişin bilgileriyle aç</translation>
    </message>
    <message>
        <source>Reso&amp;lve…</source>
        <translation>Çö&amp;zümle…</translation>
    </message>
    <message>
        <source>Say whether an unknown order was placed</source>
        <translation>Sonucu bilinmeyen siparişin verilip verilmediğini belirtin</translation>
    </message>
    <message>
        <source>Copy &amp;id</source>
        <translation>&amp;Numarayı kopyala</translation>
    </message>
    <message>
        <source>Copy the panel order ids</source>
        <translation>Paneldeki sipariş numaralarını kopyala</translation>
    </message>
    <message>
        <source>Copy lin&amp;k</source>
        <translation>Bağlantıyı &amp;kopyala</translation>
    </message>
    <message>
        <source>Copy the links</source>
        <translation>Bağlantıları kopyala</translation>
    </message>
    <message>
        <source>O&amp;pen link</source>
        <translation>Bağlantıyı &amp;aç</translation>
    </message>
    <message>
        <source>Open the links in the browser</source>
        <translation>Bağlantıları tarayıcıda aç</translation>
    </message>
    <message>
        <source>E&amp;xport CSV…</source>
        <translation>&amp;CSV dışa aktar…</translation>
    </message>
    <message>
        <source>Save the visible rows as CSV</source>
        <translation>Görünen satırları CSV olarak kaydet</translation>
    </message>
    <message>
        <source>I&amp;mport…</source>
        <translation>İçe akta&amp;r…</translation>
    </message>
    <message>
        <source>Track orders placed elsewhere by id</source>
        <translation>Başka yerden verilen siparişleri numarayla takip et</translation>
    </message>
    <message>
        <source>Failed: {error}</source>
        <translation>Başarısız: {error}</translation>
    </message>
    <message>
        <source>Not connected to a panel.</source>
        <translation>Bir panele bağlı değil.</translation>
    </message>
    <message numerus="yes">
        <source>Requesting a refill of %n order(s)…</source>
        <translation>
            <numerusform>%n sipariş için telafi isteniyor…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel orders</source>
        <translation>Siparişleri iptal et</translation>
    </message>
    <message numerus="yes">
        <source>Ask the panel to cancel %n order(s)?</source>
        <translation>
            <numerusform>%n sipariş için panelden iptal istensin mi?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Requesting a cancel of %n order(s)…</source>
        <translation>
            <numerusform>%n sipariş için iptal isteniyor…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing %Ln order(s)…</source>
        <translation>
            <numerusform>%Ln sipariş içe aktarılıyor…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln order(s) to {path}.</source>
        <translation>
            <numerusform>%Ln sipariş {path} dosyasına aktarıldı.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n order id(s).</source>
        <translation>
            <numerusform>%n sipariş numarası kopyalandı.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n link(s).</source>
        <translation>
            <numerusform>%n bağlantı kopyalandı.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export orders</source>
        <translation>Siparişleri dışa aktar</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV dosyaları (*.csv)</translation>
    </message>
    <message>
        <source>Could not write {path}: {error}</source>
        <translation>{path} yazılamadı: {error}</translation>
    </message>
    <message>
        <source>Refill failed: {error}</source>
        <translation>Telafi isteği başarısız: {error}</translation>
    </message>
    <message>
        <source>{order} → refill {refill}</source>
        <translation>{order} → telafi {refill}</translation>
    </message>
    <message>
        <source>Refill requested: </source>
        <translation>Telafi istendi: </translation>
    </message>
    <message>
        <source>Refused: </source>
        <translation>Reddedilen: </translation>
    </message>
    <message>
        <source>The panel answered nothing.</source>
        <translation>Panel hiçbir yanıt vermedi.</translation>
    </message>
    <message>
        <source>Cancel failed: {error}</source>
        <translation>İptal isteği başarısız: {error}</translation>
    </message>
    <message>
        <source>Cancel requested for {orders} (the next refresh shows the result)</source>
        <translation>{orders} için iptal istendi (sonucu bir sonraki yenilemede görünür)</translation>
    </message>
    <message>
        <source>Import stopped: {error}</source>
        <translation>İçe aktarma durdu: {error}</translation>
    </message>
    <message>
        <source>Not imported: {items}</source>
        <translation>Aktarılmayanlar: {items}</translation>
    </message>
    <message>
        <source>Order #{id} stays unknown: {error}</source>
        <translation>#{id} numaralı siparişin sonucu hâlâ bilinmiyor: {error}</translation>
    </message>
    <message>
        <source>Order #{id} marked as not placed.</source>
        <translation>#{id} numaralı sipariş verilmedi olarak işaretlendi.</translation>
    </message>
    <message>
        <source>Order #{id} is panel order {order} and is tracked again.</source>
        <translation>#{id} numaralı sipariş paneldeki {order} numaralı sipariş; yeniden takip ediliyor.</translation>
    </message>
</context>
<context>
    <name>OrdersRefresher</name>
    <message>
        <source>Not connected to a panel: cannot refresh.</source>
        <translation>Bir panele bağlı değil: yenilenemiyor.</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Yenileniyor…</translation>
    </message>
    <message>
        <source>Refreshing open orders…</source>
        <translation>Açık siparişler yenileniyor…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Yeni&amp;le</translation>
    </message>
    <message>
        <source>Refresh failed: {error}</source>
        <translation>Yenileme başarısız: {error}</translation>
    </message>
    <message numerus="yes">
        <source>Refresh stopped after %Ln order(s): {error}</source>
        <translation>
            <numerusform>Yenileme %Ln siparişten sonra durdu: {error}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Checked %Ln open order(s): {changed} changed</source>
        <translation>
            <numerusform>%Ln açık sipariş kontrol edildi: {changed} tanesi değişti</numerusform>
        </translation>
    </message>
    <message>
        <source>, {errors} with errors</source>
        <translation>, {errors} tanesinde hata</translation>
    </message>
</context>
<context>
    <name>OrdersTab</name>
    <message>
        <source>S&amp;tatus:</source>
        <translation>D&amp;urum:</translation>
    </message>
    <message>
        <source>&amp;Auto-refresh:</source>
        <translation>&amp;Otomatik yenileme:</translation>
    </message>
    <message>
        <source>Could not read the tracked orders: {error}</source>
        <translation>Takip edilen siparişler okunamadı: {error}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln order(s)</source>
        <translation>
            <numerusform>%Ln sipariş</numerusform>
        </translation>
    </message>
    <message>
        <source>{shown} of {total} orders</source>
        <translation>{shown} / {total} sipariş</translation>
    </message>
    <message>
        <source>refreshed {time}</source>
        <translation>yenilendi: {time}</translation>
    </message>
</context>
<context>
    <name>OrdersWatchBar</name>
    <message>
        <source>Ask for a refill of every Completed order whose service has refill, inside its guarantee, with no refill pending and none asked in the last 24 hours</source>
        <translation>Servisi telafi sunan, garanti süresi içindeki, bekleyen telafisi olmayan ve son 24 saatte telafi istenmemiş her Tamamlandı siparişi için telafi iste</translation>
    </message>
    <message>
        <source>Show the open orders whose remains have not moved</source>
        <translation>Kalanı hiç azalmayan açık siparişleri göster</translation>
    </message>
    <message>
        <source>Could not check refills and stuck orders: {0}</source>
        <translation>Telafiler ve takılan siparişler kontrol edilemedi: {0}</translation>
    </message>
    <message numerus="yes">
        <source>Refill all eligible (%n)</source>
        <translation>
            <numerusform>Uygun olanların hepsine telafi (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Stuck (%n)</source>
        <translation>
            <numerusform>Takılan (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Refill all eligible</source>
        <translation>Uygun olanların hepsine telafi</translation>
    </message>
    <message numerus="yes">
        <source>Ask the panel to refill %n order(s)? Each is asked once.</source>
        <translation>
            <numerusform>%n sipariş için panelden telafi istensin mi? Her biri bir kez istenir.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Requesting refill of %n order(s)…</source>
        <translation>
            <numerusform>%n sipariş için telafi isteniyor…</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed: {0}</source>
        <translation>Başarısız: {0}</translation>
    </message>
    <message numerus="yes">
        <source>Refills: %n accepted</source>
        <translation>
            <numerusform>Telafiler: %n kabul edildi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n refused</source>
        <translation>
            <numerusform>, %n reddedildi</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped: {0}</source>
        <translation>Durdu: {0}</translation>
    </message>
</context>
<context>
    <name>OutcomeChart</name>
    <message>
        <source>Order outcomes</source>
        <translation>Sipariş sonuçları</translation>
    </message>
    <message>
        <source>Order outcomes: no orders yet</source>
        <translation>Sipariş sonuçları: henüz sipariş yok</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Tamamlandı</translation>
    </message>
    <message>
        <source>Partial</source>
        <translation>Kısmi</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>İptal edildi</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>İade edildi</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Panels</source>
        <translation>Paneller</translation>
    </message>
    <message>
        <source>Compare prices</source>
        <translation>Fiyat karşılaştır</translation>
    </message>
    <message>
        <source>Spending</source>
        <translation>Harcamalar</translation>
    </message>
</context>
<context>
    <name>PanelForm</name>
    <message>
        <source>My panel</source>
        <translation>Panelim</translation>
    </message>
    <message>
        <source>The panel&apos;s API v2 address (see the API page of your panel)</source>
        <translation>Panelin API v2 adresi (panelinizin API sayfasına bakın)</translation>
    </message>
    <message>
        <source>Paste the API key from your panel&apos;s account page</source>
        <translation>API anahtarını panelinizin hesap sayfasından yapıştırın</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Ad</translation>
    </message>
    <message>
        <source>API endpoint</source>
        <translation>API adresi</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API anahtarı</translation>
    </message>
    <message>
        <source>Enter the panel&apos;s API endpoint.</source>
        <translation>Panelin API adresini girin.</translation>
    </message>
    <message>
        <source>Enter the API key.</source>
        <translation>API anahtarını girin.</translation>
    </message>
    <message>
        <source>A panel named &quot;{name}&quot; already exists: choose another name.</source>
        <translation>&quot;{name}&quot; adında bir panel zaten var: başka bir ad seçin.</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Bağlantıyı &amp;sına</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Bağlanıyor…</translation>
    </message>
    <message>
        <source>Connected. Balance: {balance}</source>
        <translation>Bağlandı. Bakiye: {balance}</translation>
    </message>
    <message>
        <source>Unexpected error: {kind}</source>
        <translation>Beklenmeyen hata: {kind}</translation>
    </message>
    <message>
        <source>Connection failed: {error}</source>
        <translation>Bağlantı kurulamadı: {error}</translation>
    </message>
</context>
<context>
    <name>PanelSession</name>
    <message>
        <source>Cannot connect to {panel}: {problem}</source>
        <translation>{panel} paneline bağlanılamıyor: {problem}</translation>
    </message>
    <message>
        <source>No API key for {panel}: Panel ▸ Set API key…</source>
        <translation>{panel} için API anahtarı yok: Panel ▸ API anahtarını ayarla…</translation>
    </message>
</context>
<context>
    <name>PanelsDialog</name>
    <message>
        <source>Panels</source>
        <translation>Paneller</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Aç</translation>
    </message>
    <message>
        <source>API &amp;key…</source>
        <translation>API &amp;anahtarı…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Kaldır</translation>
    </message>
    <message>
        <source>&amp;Add panel</source>
        <translation>Panel &amp;ekle</translation>
    </message>
    <message>
        <source>Add a panel</source>
        <translation>Bir panel ekleyin</translation>
    </message>
    <message>
        <source>  (demo)</source>
        <translation>  (demo)</translation>
    </message>
    <message>
        <source>  ✓ open</source>
        <translation>  ✓ açık</translation>
    </message>
    <message>
        <source>Remove panel</source>
        <translation>Paneli kaldır</translation>
    </message>
    <message>
        <source>Remove &quot;{panel}&quot;, its cached services and its API key from this computer?</source>
        <translation>&quot;{panel}&quot; paneli, önbellekteki servisleri ve API anahtarı bu bilgisayardan kaldırılsın mı?</translation>
    </message>
    <message>
        <source>Removed &quot;{name}&quot;, but not its key: {error}</source>
        <translation>&quot;{name}&quot; kaldırıldı, ancak anahtarı kaldırılamadı: {error}</translation>
    </message>
    <message>
        <source>Removed &quot;{name}&quot;.</source>
        <translation>&quot;{name}&quot; kaldırıldı.</translation>
    </message>
    <message>
        <source>Added &quot;{name}&quot;.</source>
        <translation>&quot;{name}&quot; eklendi.</translation>
    </message>
</context>
<context>
    <name>Plurals</name>
    <message numerus="yes">
        <source>%n order(s) completed</source>
        <translation>
            <numerusform>%n sipariş tamamlandı</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n partial</source>
        <translation>
            <numerusform>%n kısmi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n canceled</source>
        <translation>
            <numerusform>%n iptal</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refill(s) finished</source>
        <translation>
            <numerusform>%n telafi sonuçlandı</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n completed</source>
        <translation>
            <numerusform>%n tamamlandı</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not</source>
        <translation>
            <numerusform>%n tamamlanmadı</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) stuck: no progress for hours</source>
        <translation>
            <numerusform>%n sipariş takıldı: saatlerdir ilerleme yok</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n service(s) you use changed</source>
        <translation>
            <numerusform>Kullandığınız %n serviste değişiklik var</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n gün</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation>
            <numerusform>%n sipariş</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invalid line(s)</source>
        <translation>
            <numerusform>%n geçersiz satır</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) overlap an open order</source>
        <translation>
            <numerusform>%n satır açık bir siparişle çakışıyor</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Place %n order(s) for %1?</source>
        <translation>
            <numerusform>Toplam %1 tutarında %n sipariş verilsin mi?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n invalid line(s) will be skipped.</source>
        <translation>
            <numerusform>%n geçersiz satır atlanacak.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuickBar</name>
    <message>
        <source>Presets</source>
        <translation>Hazır ayarlar</translation>
    </message>
    <message>
        <source>Mass order…</source>
        <translation>Toplu sipariş…</translation>
    </message>
    <message>
        <source>Place many orders at once from a list</source>
        <translation>Bir listeden tek seferde çok sayıda sipariş ver</translation>
    </message>
    <message>
        <source>Remove from favourites</source>
        <translation>Favorilerden çıkar</translation>
    </message>
    <message>
        <source>Add to favourites</source>
        <translation>Favorilere ekle</translation>
    </message>
    <message>
        <source>No presets yet</source>
        <translation>Henüz hazır ayar yok</translation>
    </message>
    <message>
        <source>Save as preset…</source>
        <translation>Hazır ayar olarak kaydet…</translation>
    </message>
    <message>
        <source>Delete preset</source>
        <translation>Hazır ayarı sil</translation>
    </message>
    <message>
        <source>Save as preset</source>
        <translation>Hazır ayar olarak kaydet</translation>
    </message>
    <message>
        <source>Name of the preset (service and filled fields):</source>
        <translation>Hazır ayarın adı (servis ve doldurulan alanlar):</translation>
    </message>
</context>
<context>
    <name>RefillWindow</name>
    <message>
        <source>lifetime</source>
        <translation>ömür boyu</translation>
    </message>
    <message>
        <source>no refill</source>
        <translation>telafi yok</translation>
    </message>
    <message>
        <source>not stated (the panel decides)</source>
        <translation>belirtilmemiş (panel karar verir)</translation>
    </message>
</context>
<context>
    <name>RefillWindowButton</name>
    <message>
        <source>Refill window…</source>
        <translation>Telafi süresi…</translation>
    </message>
    <message>
        <source>How long the selected service&apos;s refill guarantee lasts</source>
        <translation>Seçili servisin telafi garantisi ne kadar sürer</translation>
    </message>
</context>
<context>
    <name>RefillWindowDialog</name>
    <message>
        <source>Refill window</source>
        <translation>Telafi süresi</translation>
    </message>
    <message>
        <source>From the service name ({0})</source>
        <translation>Servis adından ({0})</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Gün</translation>
    </message>
    <message>
        <source>Lifetime</source>
        <translation>Ömür boyu</translation>
    </message>
    <message>
        <source>No refill</source>
        <translation>Telafi yok</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>Süre:</translation>
    </message>
    <message>
        <source>Days:</source>
        <translation>Gün:</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <source>Resolve order #{id}</source>
        <translation>#{id} numaralı siparişi çözümle</translation>
    </message>
    <message>
        <source>The panel&apos;s answer to this order was lost, so it may or may not have been placed (and charged). Look in the panel&apos;s own order list for an order with this link, service and quantity, created at this time, then say what you found.</source>
        <translation>Panelin bu siparişe yanıtı kayboldu; sipariş verilmiş (ve ücreti düşülmüş) olabilir ya da olmayabilir. Panelin kendi sipariş listesinde bu bağlantı, servis ve miktarla bu saatte oluşturulmuş bir sipariş arayın, sonra ne bulduğunuzu belirtin.</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Servis:</translation>
    </message>
    <message>
        <source>Link:</source>
        <translation>Bağlantı:</translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation>Miktar:</translation>
    </message>
    <message>
        <source>Sent at:</source>
        <translation>Gönderilme:</translation>
    </message>
    <message>
        <source>What happened:</source>
        <translation>Ne oldu:</translation>
    </message>
    <message>
        <source>I found it on the panel; its order id is:</source>
        <translation>Panelde buldum; sipariş numarası:</translation>
    </message>
    <message>
        <source>the panel&apos;s order id</source>
        <translation>paneldeki sipariş numarası</translation>
    </message>
    <message>
        <source>It is not on the panel: it was not placed</source>
        <translation>Panelde yok: sipariş verilmemiş</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Çözümle</translation>
    </message>
    <message>
        <source>Enter the order id (digits) you found on the panel.</source>
        <translation>Panelde bulduğunuz sipariş numarasını (rakamlarla) girin.</translation>
    </message>
</context>
<context>
    <name>ServiceDetails</name>
    <message>
        <source>yes</source>
        <translation>var</translation>
    </message>
    <message>
        <source>no</source>
        <translation>yok</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servis</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Ad:</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Kategori:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Tür:</translation>
    </message>
    <message>
        <source>Rate per 1000:</source>
        <translation>1000 adet fiyatı:</translation>
    </message>
    <message>
        <source>Min / max:</source>
        <translation>En az / en fazla:</translation>
    </message>
    <message>
        <source>Refill / cancel / drip-feed:</source>
        <translation>Telafi / iptal / drip-feed:</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>Açıklama:</translation>
    </message>
    <message>
        <source>Service: none chosen</source>
        <translation>Servis: seçilmedi</translation>
    </message>
    <message>
        <source>Service {id}</source>
        <translation>Servis {id}</translation>
    </message>
    <message>
        <source>{price} per package</source>
        <translation>paket başına {price}</translation>
    </message>
    <message>
        <source>refill {refill} · cancel {cancel} · drip-feed {dripfeed}</source>
        <translation>telafi {refill} · iptal {cancel} · drip-feed {dripfeed}</translation>
    </message>
</context>
<context>
    <name>ServicePicker</name>
    <message>
        <source>Search services by id, name or category…</source>
        <translation>Servis ara: numara, ad ya da kategori…</translation>
    </message>
</context>
<context>
    <name>Services</name>
    <message>
        <source>ID</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Servis</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tür</translation>
    </message>
    <message>
        <source>Rate per 1000</source>
        <translation>1000 adet fiyatı</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>En az</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>En fazla</translation>
    </message>
    <message>
        <source>Refill</source>
        <translation>Telafi</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>İptal</translation>
    </message>
    <message>
        <source>Drip-feed</source>
        <translation>Drip-feed</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Evet</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Hayır</translation>
    </message>
</context>
<context>
    <name>ServicesTab</name>
    <message>
        <source>All categories</source>
        <translation>Tüm kategoriler</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Tüm türler</translation>
    </message>
    <message>
        <source>Search by name, category or ID</source>
        <translation>Ad, kategori ya da numara ile ara</translation>
    </message>
    <message>
        <source>Show one category</source>
        <translation>Tek bir kategoriyi göster</translation>
    </message>
    <message>
        <source>Show one service type</source>
        <translation>Tek bir servis türünü göster</translation>
    </message>
    <message>
        <source>Refill</source>
        <translation>Telafi</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>İptal</translation>
    </message>
    <message>
        <source>Drip-feed</source>
        <translation>Drip-feed</translation>
    </message>
    <message>
        <source>Only services that offer refill</source>
        <translation>Yalnızca telafi (refill) sunan servisler</translation>
    </message>
    <message>
        <source>Only services that offer cancel</source>
        <translation>Yalnızca iptal edilebilen servisler</translation>
    </message>
    <message>
        <source>Only services that offer drip-feed</source>
        <translation>Yalnızca drip-feed sunan servisler</translation>
    </message>
    <message>
        <source>★ Favourites</source>
        <translation>★ Favoriler</translation>
    </message>
    <message>
        <source>Only your favourite services</source>
        <translation>Yalnızca favori servisleriniz</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Yeni&amp;le</translation>
    </message>
    <message>
        <source>Fetch the catalog from the panel again</source>
        <translation>Kataloğu panelden yeniden al</translation>
    </message>
    <message>
        <source>O&amp;rder…</source>
        <translation>S&amp;ipariş ver…</translation>
    </message>
    <message>
        <source>Open New Order with the selected service</source>
        <translation>Seçili servisle Yeni Sipariş&apos;i aç</translation>
    </message>
    <message>
        <source>{shown} of {total} services</source>
        <translation>{shown} / {total} servis</translation>
    </message>
    <message>
        <source>Updated {time}</source>
        <translation>Güncellendi: {time}</translation>
    </message>
    <message>
        <source>Not fetched yet</source>
        <translation>Henüz alınmadı</translation>
    </message>
    <message>
        <source>Refresh failed: {error} — showing the catalog of {time}</source>
        <translation>Yenileme başarısız: {error} — {time} tarihli katalog gösteriliyor</translation>
    </message>
    <message>
        <source>Could not fetch the catalog: {error}</source>
        <translation>Katalog alınamadı: {error}</translation>
    </message>
    <message>
        <source>Refreshing…</source>
        <translation>Yenileniyor…</translation>
    </message>
    <message>
        <source>★ Favourite</source>
        <translation>★ Favori</translation>
    </message>
    <message>
        <source>☆ Favourite</source>
        <translation>☆ Favori</translation>
    </message>
    <message>
        <source>Star the selected service (Favourites shows only these)</source>
        <translation>Seçili servisi yıldızla (Favoriler yalnızca bunları gösterir)</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Search in the current tab</source>
        <translation>Açık sekmede ara</translation>
    </message>
    <message>
        <source>Refresh the current tab</source>
        <translation>Açık sekmeyi yenile</translation>
    </message>
    <message>
        <source>Go to a tab</source>
        <translation>Bir sekmeye geç</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>Yeni sipariş</translation>
    </message>
    <message>
        <source>On a service row: order it</source>
        <translation>Bir servis satırında: o servisle sipariş ver</translation>
    </message>
    <message>
        <source>In the order form: place the order (confirmed)</source>
        <translation>Sipariş formunda: siparişi ver (onay sorulur)</translation>
    </message>
    <message>
        <source>Next / previous field, out of tables</source>
        <translation>Sonraki / önceki alan, tablolardan da çıkar</translation>
    </message>
    <message>
        <source>The button or tab with that underlined letter</source>
        <translation>O harfi altı çizili düğme ya da sekme</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Çıkış</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Klavye kısayolları</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tuşlar</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>İşlevi</translation>
    </message>
</context>
<context>
    <name>SpendChart</name>
    <message>
        <source>Spending per period</source>
        <translation>Döneme göre harcama</translation>
    </message>
    <message>
        <source>Spending per period: no orders yet</source>
        <translation>Döneme göre harcama: henüz sipariş yok</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Refresh balances</source>
        <translation>Bakiyeleri yenile</translation>
    </message>
    <message>
        <source>Ask every panel for its balance, all at once</source>
        <translation>Tüm panellerin bakiyesini aynı anda sor</translation>
    </message>
    <message>
        <source>Per day</source>
        <translation>Günlük</translation>
    </message>
    <message>
        <source>Per week</source>
        <translation>Haftalık</translation>
    </message>
    <message>
        <source>Per month</source>
        <translation>Aylık</translation>
    </message>
    <message>
        <source>Panel</source>
        <translation>Panel</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Bakiye</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Güncelleme</translation>
    </message>
    <message>
        <source>Open orders</source>
        <translation>Açık siparişler</translation>
    </message>
    <message>
        <source>Spent, 30 days</source>
        <translation>Son 30 gün harcama</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Uyarılar</translation>
    </message>
    <message>
        <source>Charts:</source>
        <translation>Grafikler:</translation>
    </message>
    <message>
        <source>Fetching every balance…</source>
        <translation>Tüm bakiyeler alınıyor…</translation>
    </message>
    <message>
        <source>Balances fetched at %1</source>
        <translation>Bakiyeler alındı: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n panel(s) did not answer</source>
        <translation>
            <numerusform>%n panel yanıt vermedi</numerusform>
        </translation>
    </message>
    <message>
        <source>The overview could not be read: %1</source>
        <translation>Genel bakış okunamadı: %1</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>hata: %1</translation>
    </message>
    <message>
        <source>not fetched yet</source>
        <translation>henüz alınmadı</translation>
    </message>
    <message>
        <source>%1: balance below %2</source>
        <translation>%1: bakiye %2 altında</translation>
    </message>
    <message>
        <source>%1: balance not fetched (%2)</source>
        <translation>%1: bakiye alınamadı (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n order(s) not moving</source>
        <translation>
            <numerusform>%1: %n sipariş ilerlemiyor</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n service(s) you use repriced or removed this week</source>
        <translation>
            <numerusform>%1: kullandığınız %n servisin fiyatı bu hafta değişti ya da servis kaldırıldı</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrayWatch</name>
    <message>
        <source>Orders finished</source>
        <translation>Siparişler bitti</translation>
    </message>
    <message>
        <source>Refills finished</source>
        <translation>Telafiler bitti</translation>
    </message>
    <message>
        <source>Order stuck</source>
        <translation>Sipariş takıldı</translation>
    </message>
    <message>
        <source>Balance below the threshold</source>
        <translation>Bakiye sınırın altında</translation>
    </message>
    <message>
        <source>A used service repriced or gone</source>
        <translation>Kullanılan bir servisin fiyatı değişti ya da kalktı</translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation>Bildiri&amp;mler</translation>
    </message>
    <message>
        <source>Low balance warning…</source>
        <translation>Düşük bakiye uyarısı…</translation>
    </message>
    <message>
        <source>Stuck after…</source>
        <translation>Takılma süresi…</translation>
    </message>
    <message>
        <source>Hours without progress before an order is stuck</source>
        <translation>Bir sipariş takılmış sayılmadan önce ilerlemesiz geçen saat</translation>
    </message>
    <message>
        <source>Keep running in the tray on close</source>
        <translation>Kapatınca sistem tepsisinde çalışmaya devam et</translation>
    </message>
    <message>
        <source>This desktop has no system tray</source>
        <translation>Bu masaüstünde sistem tepsisi yok</translation>
    </message>
    <message>
        <source>Show window</source>
        <translation>Pencereyi göster</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Çıkış</translation>
    </message>
    <message>
        <source>Keep running in the tray?</source>
        <translation>Sistem tepsisinde çalışmaya devam etsin mi?</translation>
    </message>
    <message>
        <source>The app can keep running in the system tray when its window is closed: auto-refresh goes on and you are told when orders finish, refills end, an order gets stuck or the balance runs low. Quit from the tray menu ends it. You can change this any time in the Notifications menu.</source>
        <translation>Uygulama penceresi kapatıldığında sistem tepsisinde çalışmaya devam edebilir: otomatik yenileme sürer; siparişler bitince, telafiler sonuçlanınca, bir sipariş takılınca ya da bakiye azalınca size haber verilir. Tepsi menüsündeki Çıkış ile tamamen kapanır. Bunu istediğiniz zaman Bildirimler menüsünden değiştirebilirsiniz.</translation>
    </message>
    <message>
        <source>Low balance warning</source>
        <translation>Düşük bakiye uyarısı</translation>
    </message>
    <message>
        <source>Warn when the balance of {0} falls below (empty: never):</source>
        <translation>{0} bakiyesi şu tutarın altına düşünce uyar (boş: hiçbir zaman):</translation>
    </message>
    <message>
        <source>Not an amount: {0}</source>
        <translation>Tutar değil: {0}</translation>
    </message>
    <message>
        <source>Stuck orders</source>
        <translation>Takılan siparişler</translation>
    </message>
    <message>
        <source>Hours without progress before an open order counts as stuck:</source>
        <translation>Açık bir siparişin takılmış sayılması için ilerlemesiz geçmesi gereken saat:</translation>
    </message>
</context>
<context>
    <name>ViewMenu</name>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Görünüm</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Dil</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Sistemi izle</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Açık</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Koyu</translation>
    </message>
    <message>
        <source>The interface will be in {language} from the next start.</source>
        <translation>Arayüz bir sonraki açılışta {language} olacak.</translation>
    </message>
</context>
<context>
    <name>WatchMarks</name>
    <message>
        <source>Stuck: no progress for {0} h. Cancel it or ask the panel.</source>
        <translation>Takıldı: {0} saattir ilerleme yok. İptal edin ya da panele sorun.</translation>
    </message>
    <message>
        <source>Can be refilled now</source>
        <translation>Şimdi telafi edilebilir</translation>
    </message>
    <message>
        <source>No refill now: {0}</source>
        <translation>Şimdi telafi yok: {0}</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>&lt;h2&gt;Welcome to SMPanel Desktop&lt;/h2&gt;&lt;p&gt;Browse a panel&apos;s services, place orders of every type and track them, with your API key kept in the system keyring.&lt;/p&gt;&lt;p&gt;Connect the panel you use with its API key, or try everything on the built-in &lt;b&gt;demo panel&lt;/b&gt;: a simulated panel on this computer, no account and no money needed.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;SMPanel Desktop&apos;a hoş geldiniz&lt;/h2&gt;&lt;p&gt;Bir panelin servislerine göz atın, her türden sipariş verin ve takip edin; API anahtarınız sistemin anahtarlığında saklanır.&lt;/p&gt;&lt;p&gt;Kullandığınız paneli API anahtarıyla bağlayın ya da her şeyi yerleşik &lt;b&gt;demo panelde&lt;/b&gt; deneyin: bu bilgisayarda çalışan sanal bir panel; hesap da para da gerekmez.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Hoş geldiniz</translation>
    </message>
    <message>
        <source>&amp;Try the demo panel</source>
        <translation>&amp;Demo paneli dene</translation>
    </message>
    <message>
        <source>&amp;Add my panel…</source>
        <translation>&amp;Panelimi ekle…</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Geri</translation>
    </message>
    <message>
        <source>&amp;Save and open</source>
        <translation>&amp;Kaydet ve aç</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Add your panel&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Panelinizi ekleyin&lt;/h3&gt;</translation>
    </message>
</context>
<context>
    <name>WindowKeys</name>
    <message>
        <source>Refresh</source>
        <translation>Yenile</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>Yeni sipariş</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Ara</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Ana araç çubuğu</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Dosya</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>Çı&amp;kış</translation>
    </message>
    <message>
        <source>&amp;Panel</source>
        <translation>&amp;Panel</translation>
    </message>
    <message>
        <source>&amp;Manage panels…</source>
        <translation>Panelleri &amp;yönet…</translation>
    </message>
    <message>
        <source>Set API &amp;key…</source>
        <translation>API &amp;anahtarını ayarla…</translation>
    </message>
    <message>
        <source>&amp;Switch panel</source>
        <translation>Panel &amp;değiştir</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Yardım</translation>
    </message>
    <message>
        <source>&amp;About {app}</source>
        <translation>{app} &amp;hakkında</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Klavye kısayolları</translation>
    </message>
    <message>
        <source>Open &amp;data folder</source>
        <translation>&amp;Veri klasörünü aç</translation>
    </message>
    <message>
        <source>Try the demo panel</source>
        <translation>Demo paneli dene</translation>
    </message>
    <message>
        <source>The demo panel needs no key.</source>
        <translation>Demo panel anahtar gerektirmez.</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translation>{app} hakkında</translation>
    </message>
    <message>
        <source>A desktop app for SMM panels speaking the API v2.</source>
        <translation>API v2 konuşan SMM panelleri için masaüstü uygulaması.</translation>
    </message>
    <message>
        <source>API keys are kept in the system keyring only.</source>
        <translation>API anahtarları yalnızca sistemin anahtarlığında saklanır.</translation>
    </message>
</context>
</TS>
