<?php
/**
 * The base configuration for WordPress
 * (copied by the owner from /var/www/vhosts/lojadocafe.com.br/httpdocs/wp-config.php)
 */

// ** Database settings ** //
define( 'DB_NAME', 'prod_lojacafe' );
define( 'DB_USER', 'lojaca72' );
define( 'DB_PASSWORD', '=lNnvLM9^BRAmeuGq' );
define( 'DB_HOST', getenv( 'WORDPRESS_DB_HOST' ) ?: '127.0.0.1:3306' );
define('DB_CHARSET','utf8mb4');

/**#@+
 * Authentication unique keys and salts.
 * Change these to different unique phrases! You can generate these using
 * the {@link https://api.wordpress.org/secret-key/1.1/salt/ WordPress.org secret-key service}.
 */
define('AUTH_KEY', 'MJEb,mFe,T6jf ?A^#~ZU14Fbn3rT>K5[Q<m!_Xlt354B(Ipj{b0bM{fqm@2u;R8');
define( 'SECURE_AUTH_KEY', 'A]/aF%lBT%=zDB@|IX?S;VpZ<i(<p3VQh+GsnES!G*y6 w*5K6El[!wQDF8E<Y-T' );
define('LOGGED_IN_KEY','g_obU}I|dxE6vI.sPaf2>T6;n{e_Vl8@Qv&&:E2h?T&D^#EH.}ANYUv9|v^o{/3e');
define('NONCE_KEY','P2Qb}|k?&Yv!!Ri2oW<_1L~|gBaP sl.#Ers)hs&V#Hkf|+jmwv0j{Xnw%-aR(vH');
define('AUTH_SALT', 'KJf /@ut&Z|V2dgp@4i}?^!>o2/H*,Vdb/nPT29Y.KKyb!Z/E<^^mF+Hb4bb-Y*L');
define('SECURE_AUTH_SALT','P3yx6ilN!]i;B-3iBP&.-%Hu6bOJR>dLa_v;5s-GF1g-)NY@hz(alnG<3d,%A-fh');
define('LOGGED_IN_SALT', '0XEHY,0CB8hw.TO3n.JqNDRHu)y@N~)=+6%,6W!<JK|(:Z0WxKw0Juh|]@:SCAAs');
define( 'NONCE_SALT', 'fST6ukstb*DWU):!Cz=&8nKC(*KL|oM*MhlffjJYy7ZAX P(xE/9i?Y@]z!_o-cC' );
/**#@-*/

$table_prefix = 'shop_';

define( 'WP_REDIS_PASSWORD', [ 'sophmate', '6LeYyk0jkioEyGzf9ERsQPPt' ] );
define('FTP_USER','deploy');
define( 'FTP_PASS', 'OB&T53mg!?G6Ao' );
define('FTP_HOST','ftp.lojadocafe.com.br');
define('WPMS_ON','true');
define( 'WPMS_SMTP_PASS', 'Autumn2025!' );
define('WP_MAIL_SMTP_MAILGUN_API_KEY','key-85cd73826d044df3e1513296076ee32f');
define( 'AS3CF_SETTINGS', serialize( array(
    'provider' => 'aws',
    'access-key-id' => 'AKIAUVRLVSSPR7W5MBHC',
    'secret-access-key' => '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',
) ) );
define('JWT_AUTH_SECRET_KEY','OPglw!zkREo7C@3sOCHb^JWYRc9*z2z!_m_e3*=lTERW*hmk');
define('SOPHMATE_XAI_KEY','xai-f86rOjXQXk6dGLfDMt8XTiQUj2tX1LxxaBEM3yIFNC2ZTh6djAJ6GkcfUEEec1KPJPhM2BMBGkh06ph4');
define('SOPHMATE_REPLICATE_TOKEN', 'r8_tNkWinLSBdG5ZHUoJ2SJY4i6MBhszOiRt56od');
$sophmate_keys = [
    'perplexity' => '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',
    'elevenlabs' => 'sk_8f1928d1697db6d19e1126ec9eabda4f84647534bfca648d',
    'pinecone'   => 'pcsk_zOJEPq_qgRr9Lwi0scbrVHWOpApwPuoF76IGyENyFanpc98j4S3hyBUOZgNSWbyRdCa7Le',
    'mistral'    => 'WE59ZJLS7ddZpXCuyA2PQOTfTL95DEH7',
    'deepseek'   => 'sk-7bbcfa1c922f28317070816355468374',
];
define('SOPHMATE_BRAINTREE_TOKEN','access_token$production$7f3mdw6brr81zqx4$9a8ccad845b354abe2e1675a7c0126c4');
define( 'SQUARE_APPLICATION_SECRET', 'sq0csp-Tee0fSociF714tbBxMGInSdfDy4AvDGsaz6a2fSO9ja' );
define( 'WP_CACHE_KEY_SALT', 'lojadocafe.com.br:' );
define( 'WP_DEBUG', 'true' );
define('WP_DEBUG_LOG', '/var/log/wp/lojacafe-debug.log');
define( 'WP_ENVIRONMENT_TYPE', 'production' );
define( 'SOPHMATE_VERSION_PIN', '3.1.2' );

/* That's all, stop editing! Happy publishing. */
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';

// ---- wp config shuffle-salts output pasted below by the owner ----
$ wp config shuffle-salts
Success: Shuffled the salt keys.

// ---- recent debug.log ----
[23-Jan-2025 18:44:25 UTC] PHP Notice:  Constant SOPHMATE_XAI_KEY already defined in /var/www/vhosts/lojadocafe.com.br/httpdocs/wp-config.php on line 32
[23-Jan-2025 18:52:27 UTC] PHP Notice:  Constant SOPHMATE_XAI_KEY already defined in /var/www/vhosts/lojadocafe.com.br/httpdocs/wp-config.php on line 86
[23-Jan-2025 19:04:46 UTC] PHP Notice:  Constant WP_DEBUG already defined in /var/www/vhosts/lojadocafe.com.br/httpdocs/wp-config.php on line 119
[23-Jan-2025 19:12:04 UTC] PHP Notice:  Constant SOPHMATE_XAI_KEY already defined in /var/www/vhosts/lojadocafe.com.br/httpdocs/wp-config.php on line 82
[23-Jan-2025 19:26:55 UTC] PHP Notice:  Constant SOPHMATE_XAI_KEY already defined in /var/www/vhosts/lojadocafe.com.br/httpdocs/wp-config.php on line 77
[23-Jan-2025 19:26:55 UTC] SophMate [SOPH-E1218] Provider credentials missing for fallback chain (hook sophmate_before_provider_request)
[23-Jan-2025 19:29:29 UTC] PHP Notice:  Constant WP_DEBUG already defined in /var/www/vhosts/lojadocafe.com.br/httpdocs/wp-config.php on line 93
[23-Jan-2025 19:35:47 UTC] PHP Notice:  Constant SOPHMATE_XAI_KEY already defined in /var/www/vhosts/lojadocafe.com.br/httpdocs/wp-config.php on line 35
[23-Jan-2025 19:35:47 UTC] SophMate [SOPH-E1733] Provider credentials missing for fallback chain (hook sophmate_after_reply)
[23-Jan-2025 19:41:39 UTC] PHP Notice:  Constant WP_DEBUG already defined in /var/www/vhosts/lojadocafe.com.br/httpdocs/wp-config.php on line 37
[23-Jan-2025 19:50:41 UTC] PHP Notice:  Constant WP_DEBUG already defined in /var/www/vhosts/lojadocafe.com.br/httpdocs/wp-config.php on line 54
[23-Jan-2025 19:53:12 UTC] PHP Notice:  Constant SOPHMATE_XAI_KEY already defined in /var/www/vhosts/lojadocafe.com.br/httpdocs/wp-config.php on line 79
[23-Jan-2025 20:00:47 UTC] PHP Notice:  Constant SOPHMATE_XAI_KEY already defined in /var/www/vhosts/lojadocafe.com.br/httpdocs/wp-config.php on line 72
[23-Jan-2025 20:09:43 UTC] PHP Notice:  Constant SOPHMATE_XAI_KEY already defined in /var/www/vhosts/lojadocafe.com.br/httpdocs/wp-config.php on line 50
[23-Jan-2025 20:09:43 UTC] SophMate [SOPH-E1602] Provider credentials missing for fallback chain (hook woocommerce_payment_complete)
[23-Jan-2025 20:12:54 UTC] PHP Notice:  Constant WP_DEBUG already defined in /var/www/vhosts/lojadocafe.com.br/httpdocs/wp-config.php on line 51
[23-Jan-2025 20:23:18 UTC] PHP Notice:  Constant SOPHMATE_XAI_KEY already defined in /var/www/vhosts/lojadocafe.com.br/httpdocs/wp-config.php on line 75
[23-Jan-2025 20:32:02 UTC] PHP Notice:  Constant FTP_USER already defined in /var/www/vhosts/lojadocafe.com.br/httpdocs/wp-config.php on line 27
[23-Jan-2025 20:41:25 UTC] PHP Notice:  Constant SOPHMATE_XAI_KEY already defined in /var/www/vhosts/lojadocafe.com.br/httpdocs/wp-config.php on line 21
[23-Jan-2025 20:55:04 UTC] PHP Notice:  Constant FTP_USER already defined in /var/www/vhosts/lojadocafe.com.br/httpdocs/wp-config.php on line 26
