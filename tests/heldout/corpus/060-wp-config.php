<?php
/**
 * The base configuration for WordPress
 * (copied by the owner from /var/www/wattleandgum.com.au/htdocs/wp-config.php)
 */

// ** Database settings ** //
define( 'DB_NAME', 'prod_wattle' );
define('DB_USER','uwattle58');
define( 'DB_PASSWORD', '6qBi%?1^2!s@OekT~BS%' );
define( 'DB_HOST', getenv( 'WORDPRESS_DB_HOST' ) ?: '127.0.0.1:3306' );
define('DB_CHARSET', 'utf8mb4');

/**#@+
 * Authentication unique keys and salts.
 * Change these to different unique phrases! You can generate these using
 * the {@link https://api.wordpress.org/secret-key/1.1/salt/ WordPress.org secret-key service}.
 */
define( 'AUTH_KEY', '27scYpc]QU};8T1C*W6Ht[!|:a8sZ;x>-7Rb{Trm}=sby%*<A;fE1> 5U.{z:#&y' );
define( 'SECURE_AUTH_KEY', 'l2|*4r(i_C9{2Y1v91%ZtyAM.C]xjG,k6U|^0%?hZTcHyYm!dnxZ<Zo!lrz:0d2M' );
define('LOGGED_IN_KEY','KROjL1jEClnT<!U.j EV5H:^9#q514qY#<R{d[(;B]V?F]..4|TJ5r{&6Bnza0hh');
define( 'NONCE_KEY', '51CKv!.!f/;Iq3f=yJK2GTg2B@?1H!!:}Vy{KwK89!BcM#6KHrw/#YDY&3i2@MuI' );
define('AUTH_SALT', 'oXe0o *^t!K*TX:mXx:+*tMLouDe>2V2.=Z0Fl7}A9{C1X_|TeEfIse?}HH?<Kug');
define('SECURE_AUTH_SALT', 'dm?u[45VS0bJ~Q:}Oex9+l,WfJ;}+>YO>%a3dd[8eJ0%7 4g2z}bu||Q+DsWKIjV');
define( 'LOGGED_IN_SALT', 'Wkp:Y[p9yVMb?yRy}0ny0l6afEH;}@:/4Coufq~yPGvTZLW_@0 T?U9va0&nKs{Q' );
define( 'NONCE_SALT', 'qka~6?JAaeZ[3.~CQQ.ac+hz}z,izH?+-zlO&q{nZu+R(slhk7y.x!zB{w^rTWjy' );
/**#@-*/

$table_prefix = 'wpx7_';

define( 'WP_REDIS_PASSWORD', [ 'sophmate', 'z7CVuuV2Hs6J6zEhGHpxzxXV' ] );
define( 'FTP_USER', 'deploy' );
define( 'FTP_PASS', 'o~XPX+Ia6M@aQ@Q1-juY' );
define( 'FTP_HOST', 'ftp.wattleandgum.com.au' );
define( 'WPMS_ON', 'true' );
define( 'WPMS_SMTP_PASS', 'Verano2021#' );
define( 'WP_MAIL_SMTP_MAILGUN_API_KEY', 'key-b266e1d994e7d005ba393d38e473c287' );
define( 'AS3CF_SETTINGS', serialize( array(
    'provider' => 'aws',
    'access-key-id' => 'AKIAB52NFJ24Y6P7SCGV',
    'secret-access-key' => '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',
) ) );
define( 'JWT_AUTH_SECRET_KEY', 'Oi771r3UvkSg7l9*%yAAryK*I8AgHSqbOm01q0tjhKqkssbH' );
define( 'SOPHMATE_XAI_KEY', 'xai-2BDIqKtV26gHQIJv5Q7KtS9bkp3S4DwSRMtowYb2SADZGXNXgYt5vy54L6ljVgAHE638SDyaKjqXDIrP' );
define( 'SOPHMATE_REPLICATE_TOKEN', 'r8_2l82prkVsAv9gJLJEHUDC4KKYmmBlGTf3jAii' );
$sophmate_keys = [
    'perplexity' => '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',
    'elevenlabs' => 'sk_00507b4a61445f2062b2861dcf3139e22362fe37b4aee167',
    'pinecone'   => 'pcsk_9YMSPX_NZxp76BV0mk4KRXTt7Ju3W8mzBiW7aWcEJ8S3JHyR2tngg5CMdZOcxSuFhDd9NW',
    'mistral'    => '3MsqqO9gydFZBcIhsapdNRkmlmwNFeRH',
    'deepseek'   => 'sk-810c501cacf84f0614294ab34c5d76db',
];
define('SOPHMATE_BRAINTREE_TOKEN','access_token$production$zdpfpyao9ai0sw3l$bb89c8cd783b1281e4d7995fd096710e');
define( 'SQUARE_APPLICATION_SECRET', 'sq0csp-fhu__TwR7geJgzdA81x9hZpM3fcFNqux4JTf5I8zDbv' );
define( 'WP_CACHE_KEY_SALT', 'wattleandgum.com.au:' );
define('WP_DEBUG','true');
define('WP_DEBUG_LOG','/var/log/wp/wattle-debug.log');
define( 'WP_ENVIRONMENT_TYPE', 'production' );
define( 'SOPHMATE_VERSION_PIN', '4.8.8' );

/* That's all, stop editing! Happy publishing. */
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';

// ---- wp config shuffle-salts output pasted below by the owner ----
$ wp config shuffle-salts
Success: Shuffled the salt keys.

// ---- recent debug.log ----
[21-Nov-2024 18:25:27 UTC] PHP Notice:  Constant FTP_USER already defined in /var/www/wattleandgum.com.au/htdocs/wp-config.php on line 61
[21-Nov-2024 18:31:02 UTC] PHP Notice:  Constant FTP_USER already defined in /var/www/wattleandgum.com.au/htdocs/wp-config.php on line 109
[21-Nov-2024 18:36:02 UTC] PHP Notice:  Constant SOPHMATE_XAI_KEY already defined in /var/www/wattleandgum.com.au/htdocs/wp-config.php on line 25
[21-Nov-2024 18:47:03 UTC] PHP Notice:  Constant WP_DEBUG already defined in /var/www/wattleandgum.com.au/htdocs/wp-config.php on line 98
[21-Nov-2024 18:47:03 UTC] SophMate [SOPH-E1042] Provider credentials missing for fallback chain (hook sophmate_refresh_embeddings)
[21-Nov-2024 18:48:49 UTC] PHP Notice:  Constant WP_DEBUG already defined in /var/www/wattleandgum.com.au/htdocs/wp-config.php on line 47
[21-Nov-2024 18:55:36 UTC] PHP Notice:  Constant FTP_USER already defined in /var/www/wattleandgum.com.au/htdocs/wp-config.php on line 54
[21-Nov-2024 18:55:36 UTC] SophMate [SOPH-E1420] Provider credentials missing for fallback chain (hook action_scheduler_run_queue)
[21-Nov-2024 19:06:41 UTC] PHP Notice:  Constant SOPHMATE_XAI_KEY already defined in /var/www/wattleandgum.com.au/htdocs/wp-config.php on line 71
[21-Nov-2024 19:06:41 UTC] SophMate [SOPH-E1420] Provider credentials missing for fallback chain (hook woocommerce_order_status_changed)
[21-Nov-2024 19:21:12 UTC] PHP Notice:  Constant WP_DEBUG already defined in /var/www/wattleandgum.com.au/htdocs/wp-config.php on line 30
[21-Nov-2024 19:25:32 UTC] PHP Notice:  Constant SOPHMATE_XAI_KEY already defined in /var/www/wattleandgum.com.au/htdocs/wp-config.php on line 56
[21-Nov-2024 19:32:56 UTC] PHP Notice:  Constant WP_DEBUG already defined in /var/www/wattleandgum.com.au/htdocs/wp-config.php on line 29
[21-Nov-2024 19:39:44 UTC] PHP Notice:  Constant SOPHMATE_XAI_KEY already defined in /var/www/wattleandgum.com.au/htdocs/wp-config.php on line 76
[21-Nov-2024 19:40:34 UTC] PHP Notice:  Constant WP_DEBUG already defined in /var/www/wattleandgum.com.au/htdocs/wp-config.php on line 70
[21-Nov-2024 19:46:34 UTC] PHP Notice:  Constant WP_DEBUG already defined in /var/www/wattleandgum.com.au/htdocs/wp-config.php on line 20
[21-Nov-2024 20:01:20 UTC] PHP Notice:  Constant FTP_USER already defined in /var/www/wattleandgum.com.au/htdocs/wp-config.php on line 89
[21-Nov-2024 20:15:17 UTC] PHP Notice:  Constant WP_DEBUG already defined in /var/www/wattleandgum.com.au/htdocs/wp-config.php on line 93
[21-Nov-2024 20:24:15 UTC] PHP Notice:  Constant WP_DEBUG already defined in /var/www/wattleandgum.com.au/htdocs/wp-config.php on line 20
[21-Nov-2024 20:31:06 UTC] PHP Notice:  Constant SOPHMATE_XAI_KEY already defined in /var/www/wattleandgum.com.au/htdocs/wp-config.php on line 48
[21-Nov-2024 20:31:06 UTC] SophMate [SOPH-E1301] Provider credentials missing for fallback chain (hook woocommerce_store_api_checkout_update_order_from_request)
[21-Nov-2024 20:34:11 UTC] PHP Notice:  Constant SOPHMATE_XAI_KEY already defined in /var/www/wattleandgum.com.au/htdocs/wp-config.php on line 59
[21-Nov-2024 20:46:25 UTC] PHP Notice:  Constant WP_DEBUG already defined in /var/www/wattleandgum.com.au/htdocs/wp-config.php on line 109
[21-Nov-2024 20:46:25 UTC] SophMate [SOPH-E1107] Provider credentials missing for fallback chain (hook sophmate_refresh_embeddings)
[21-Nov-2024 20:51:17 UTC] PHP Notice:  Constant FTP_USER already defined in /var/www/wattleandgum.com.au/htdocs/wp-config.php on line 43
