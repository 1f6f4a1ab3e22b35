#!/usr/bin/env bash
# A real WordPress (Debian's 6.1) for the publishing tests (issue 10): PHP's built-in web server in
# front of a private MariaDB, both living in one folder, with an editor account and an Application
# Password the tests sign in with; and nginx in front of PHP on a second port, as most sites are
# served, with an 8 MB limit on a request (its stock 1 MB is too small for photos; hosts differ). Installs the Debian packages it needs (skipping what is there)
# without letting them start their services; the site itself listens on 127.0.0.1 only and reads
# and writes nothing outside DIR (not /etc/wordpress, not the system MariaDB). Works as root or as a
# user with sudo (for apt only), headless and without a terminal (CI=true, no stdin).
#
#   bash scripts/wordpress.sh start DIR   installs and starts the site, writes DIR/env, prints its URL
#   bash scripts/wordpress.sh stop DIR    stops the web server and the database (DIR is kept)
#
# DIR/env holds four lines a shell can `source` (and any KEY=VALUE reader can split on the first
# '='; no value needs quotes):
#   NEWSROOM_WP_URL=http://127.0.0.1:PORT           (PHP's server)
#   NEWSROOM_WP_NGINX_URL=http://127.0.0.1:PORT     (the same site through nginx)
#   NEWSROOM_WP_USER=editor
#   NEWSROOM_WP_APP_PASSWORD=xxxxxxxxxxxxxxxxxxxxxxxx
# `start` on a DIR whose site is already up and answering keeps it (same URL and password); a DIR
# whose site was stopped, or died, is started again on the database and files it has, on the same
# port when that is still free. Only the URL goes to stdout; progress and errors go to stderr.
# Logs: DIR/mariadb.log, DIR/php-server.log (requests), DIR/php-errors.log (PHP warnings, which
# never reach a response), DIR/nginx/error.log. The editor's login password, for a look at wp-admin, is in
# DIR/admin-password.
set -euo pipefail

usage() {
  echo "usage: bash scripts/wordpress.sh start|stop DIR" >&2
  exit 2
}
if [ $# -ne 2 ] || [ -z "$2" ]; then usage; fi
action=$1
# Absolute, since the database, the web server and wp-config.php all name paths inside it.
dir=$(realpath -m -- "$2")
case "$dir" in
  *\'* | *\\*) echo "wordpress: DIR may not contain ' or \\ (it is written into PHP strings)" >&2; exit 2 ;;
esac
cd "$(dirname "$0")/.."

# php-gd, which makes the thumbnails of uploaded photos, comes with wordpress (a dependency).
# Without it uploads still succeed, with no sizes but the original and no warning.
WORDPRESS_APT_PACKAGES=(wordpress php-cli php-mysql mariadb-server nginx-light curl)
# The largest request nginx passes on; a larger photo is refused with 413.
NGINX_BODY_LIMIT=8m
WP_USER=editor
WP_TITLE="Newsroom test"
# How long the database and then the site get to answer before `start` gives up.
WAIT_SECONDS=30
# Worker processes of PHP's server: a test may have a request in flight while it polls another.
PHP_WORKERS=4

db=$dir/db
run=$dir/run
sock=$run/db.sock
site=$dir/wp
policy_rc_d=/usr/sbin/policy-rc.d

say() { echo "wordpress: $*" >&2; }

source scripts/lib/processes.sh

stop_all() {
  stop_recorded "$run/nginx.pid" "nginx" 5
  stop_recorded "$run/php.pid" "the PHP server" 5
  # MariaDB flushes InnoDB on TERM; a kill only costs a crash recovery at the next start.
  stop_recorded "$run/mariadb.pid" "MariaDB" 20
}

show_logs() {
  local log
  for log in "$dir/mariadb.log" "$dir/php-server.log" "$dir/php-errors.log" "$dir/nginx/error.log"; do
    if [ -s "$log" ]; then
      echo "---- last lines of $log" >&2
      tail -n 25 "$log" >&2
    fi
  done
}

fail() {
  say "$*"
  show_logs
  exit 1
}

# Runs COMMAND every 0.1 s until it succeeds; fails if the process of PIDFILE ends or WAIT_SECONDS
# pass first, with what COMMAND left in last_answer.
last_answer=
wait_for() {
  local what=$1 pidfile=$2
  shift 2
  local deadline=$((SECONDS + WAIT_SECONDS))
  until "$@"; do
    running "$pidfile" || fail "$what: the process exited"
    [ $SECONDS -lt $deadline ] ||
      fail "$what: not ready within $WAIT_SECONDS s${last_answer:+ (last answer: $last_answer)}"
    sleep 0.1
  done
}

packages_installed() {
  local pkg
  for pkg in "${WORDPRESS_APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || return 1
  done
}

# The packages' maintainer scripts would start Apache (wordpress depends on it) and the system
# MariaDB; a policy-rc.d that answers 101 ("action forbidden") stops invoke-rc.d from starting
# anything while they install. One already there (Docker images have one) is left as it is.
install_packages() {
  packages_installed && return 0
  local started
  started=$(now)
  if [ ! -e "$policy_rc_d" ]; then
    printf '#!/bin/sh\n# Written by scripts/wordpress.sh while it installs packages; removed after.\nexit 101\n' |
      as_root tee "$policy_rc_d" >/dev/null
    as_root chmod 755 "$policy_rc_d"
    policy_rc_d_ours=1
  fi
  ensure_apt_packages "${WORDPRESS_APT_PACKAGES[@]}" >&2
  remove_policy_rc_d
  say "packages installed in $(since "$started")"
}

policy_rc_d_ours=0
remove_policy_rc_d() {
  if [ "$policy_rc_d_ours" = 1 ]; then
    as_root rm -f "$policy_rc_d"
    policy_rc_d_ours=0
  fi
}

# mariadbd refuses to run as root unless told to; as anyone else it runs as that user.
as_user=()
[ "$(id -u)" != 0 ] || as_user=(--user=root)

# Settings for a small, fast, disposable server: no TCP, a small buffer pool, and no waiting for
# the disk on commit (the data is thrown away with DIR). InnoDB's asynchronous I/O (io_uring or
# libaio) is off: container seccomp and memlock limits can refuse it, and a test database this
# small gains nothing from it.
MARIADB_SETTINGS=(
  --skip-networking --skip-name-resolve --skip-log-bin
  --innodb-buffer-pool-size=16M --innodb-log-file-size=16M --innodb-use-native-aio=0
  --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 --innodb-flush-method=nosync
  --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci
)

mariadb_client() {
  mariadb --no-defaults --socket="$sock" --user=root "$@"
}

mariadb_answers() {
  mariadb_client -e 'SELECT 1' >/dev/null 2>&1
}

# First start only: the system tables, in a scratch folder renamed when complete, so an
# interrupted run never leaves a half-made datadir behind. root gets no password (the old way)
# rather than the socket-peer check, so that whoever runs this can connect as root.
init_datadir() {
  [ ! -d "$db" ] || return 0
  say "creating the database files"
  rm -rf "$db.new"
  mariadb-install-db --no-defaults --datadir="$db.new" "${as_user[@]}" \
    --auth-root-authentication-method=normal --skip-test-db "${MARIADB_SETTINGS[@]}" \
    >"$dir/mariadb-install.log" 2>&1 ||
    { cat "$dir/mariadb-install.log" >&2; fail "mariadb-install-db failed"; }
  mv "$db.new" "$db"
  db_is_new=1
}

start_mariadb() {
  # A Unix socket's path is at most 107 bytes.
  [ ${#sock} -le 107 ] || fail "DIR is too deep for a socket path ($sock); use a shorter one"
  db_is_new=0
  init_datadir
  rm -f "$sock"
  # setsid: a group of its own, which `stop` signals and a Ctrl-C of the caller does not reach.
  # No inherited descriptors: a caller reading this script's output (a test's Command::output())
  # would otherwise wait for the daemons to exit; fd 9 holds DIR's lock.
  setsid /usr/sbin/mariadbd --no-defaults --datadir="$db" --socket="$sock" \
    --pid-file="$run/mariadbd.pid" --log-error="$dir/mariadb.log" "${as_user[@]}" \
    "${MARIADB_SETTINGS[@]}" </dev/null >>"$dir/mariadb.log" 2>&1 9>&- &
  echo $! >"$run/mariadb.pid"
  wait_for "MariaDB" "$run/mariadb.pid" mariadb_answers
  mariadb_client <<'SQL'
CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'wordpress'@'localhost' IDENTIFIED BY 'wordpress';
GRANT ALL PRIVILEGES ON wordpress.* TO 'wordpress'@'localhost';
SQL
}

# The site's files: /usr/share/wordpress as hard links (no copy, no space), or copied where links
# are refused (another file system, or a user who does not own the files while
# fs.protected_hardlinks is on). The package's own symlinks are followed, as some are relative and
# would dangle here, and the top-level dot file (.htaccess, a link into /etc/wordpress, for Apache)
# is left out by the glob.
make_site() {
  [ ! -d "$site" ] || return 0
  say "copying /usr/share/wordpress to $site"
  rm -rf "$site.new"
  mkdir "$site.new"
  if ! cp -R -l -L /usr/share/wordpress/* "$site.new/" 2>/dev/null; then
    rm -rf "$site.new"
    mkdir "$site.new"
    cp -R -L /usr/share/wordpress/* "$site.new/"
  fi
  mv "$site.new" "$site"
}

random_key() { head -c 48 /dev/urandom | base64 -w0; }

# Replaces a file of the site by renaming a new one over it: the old one may be a hard link into
# /usr/share/wordpress, which writing through it would change for the whole system.
replace_file() {
  local path=$1
  cat >"$path.new"
  mv -f "$path.new" "$path"
}

# Debian's wp-config.php is a shim that reads /etc/wordpress/config-HOST.php; this site has its
# own, rewritten on every start since the URL (the port) may change.
write_config() {
  local url=$1 name
  {
    echo "<?php"
    echo "// The throwaway test site of scripts/wordpress.sh (rewritten by each start)."
    echo "define('DB_NAME', 'wordpress');"
    echo "define('DB_USER', 'wordpress');"
    echo "define('DB_PASSWORD', 'wordpress');"
    echo "define('DB_HOST', 'localhost:$sock');"
    echo "define('DB_CHARSET', 'utf8mb4');"
    echo "define('DB_COLLATE', '');"
    for name in AUTH_KEY SECURE_AUTH_KEY LOGGED_IN_KEY NONCE_KEY AUTH_SALT SECURE_AUTH_SALT LOGGED_IN_SALT NONCE_SALT; do
      echo "define('$name', '$(random_key)');"
    done
    echo "\$table_prefix = 'wp_';"
    # The port is chosen at start, so the stored siteurl/home options are overridden.
    echo "define('WP_HOME', '$url');"
    echo "define('WP_SITEURL', '$url');"
    # Application Passwords are refused over plain HTTP unless the site says it is local.
    echo "define('WP_ENVIRONMENT_TYPE', 'local');"
    echo "define('WP_DEBUG', false);"
    # The core files are hard links into /usr/share/wordpress: no updates, no plugin installs.
    echo "define('DISALLOW_FILE_MODS', true);"
    echo "define('AUTOMATIC_UPDATER_DISABLED', true);"
    # No cron requests to itself, and no update checks or feeds over the network.
    echo "define('DISABLE_WP_CRON', true);"
    echo "define('WP_HTTP_BLOCK_EXTERNAL', true);"
    echo "if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');"
    echo "require_once ABSPATH . 'wp-settings.php';"
  } | replace_file "$site/wp-config.php"
}

# PHP's server runs a router for every request. Files that exist (media, scripts, wp-admin's .php
# pages) are served as they are; any other path (pretty permalinks, /wp-json/...) goes to
# WordPress's index.php, as the rewrite rules of an Apache setup would send it.
write_router() {
  replace_file "$dir/router.php" <<'PHP'
<?php
$root = $_SERVER['DOCUMENT_ROOT'];
$path = urldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
if (is_file($root . $path) || is_file(rtrim($root . $path, '/') . '/index.php')) {
    return false;
}
$_SERVER['SCRIPT_NAME'] = $_SERVER['PHP_SELF'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $root . '/index.php';
require $root . '/index.php';
PHP
}

# Run by php-cli: installs WordPress if the database is empty, sets the permalinks, and prints the
# editor's Application Password: the one in $NEWSROOM_WP_OLD_PASSWORD if it is still one of theirs
# (WordPress keeps only hashes), else a new one.
write_installer() {
  replace_file "$dir/install.php" <<'PHP'
<?php
[, $site, $url, $user, $title, $admin_password_file] = $argv;
define('WP_INSTALLING', true);
// What a request would carry, so that WordPress does not warn about missing keys.
$_SERVER['HTTP_HOST'] = parse_url($url, PHP_URL_HOST) . ':' . parse_url($url, PHP_URL_PORT);
$_SERVER['SERVER_NAME'] = parse_url($url, PHP_URL_HOST);
$_SERVER['SERVER_PORT'] = parse_url($url, PHP_URL_PORT);
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
require $site . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';

if (!is_blog_installed()) {
    $password = wp_generate_password(24, false);
    $result = wp_install($title, $user, $user . '@example.com', false, '', $password);
    if (is_wp_error($result)) {
        fwrite(STDERR, 'wp_install: ' . $result->get_error_message() . "\n");
        exit(1);
    }
    file_put_contents($admin_password_file, $password . "\n");
}
$account = get_user_by('login', $user);
if (!$account) {
    fwrite(STDERR, "no user $user in this site's database\n");
    exit(1);
}
if (get_option('permalink_structure') !== '/%postname%/') {
    global $wp_rewrite;
    $wp_rewrite->set_permalink_structure('/%postname%/');
    flush_rewrite_rules(false); // false: no .htaccess (there is no Apache)
}
$old = (string) getenv('NEWSROOM_WP_OLD_PASSWORD');
foreach ($old === '' ? [] : WP_Application_Passwords::get_user_application_passwords($account->ID) as $item) {
    if (wp_check_password($old, $item['password'], $account->ID)) {
        echo $old, "\n";
        exit(0);
    }
}
$created = WP_Application_Passwords::create_new_application_password(
    $account->ID, ['name' => 'Newsroom tests ' . gmdate('Y-m-d H:i:s')]);
if (is_wp_error($created)) {
    fwrite(STDERR, 'application password: ' . $created->get_error_message() . "\n");
    exit(1);
}
echo $created[0], "\n"; // the plain password, 24 letters and digits
PHP
}

# Warnings and notices go to DIR/php-errors.log, never into a JSON response. Mail goes nowhere
# (WordPress mails the new admin on install).
PHP_SETTINGS=(
  -d display_errors=0 -d display_startup_errors=0 -d log_errors=1
  -d upload_max_filesize=64M -d post_max_size=64M -d memory_limit=256M
  -d sendmail_path=/bin/true
)

# The port of DIR's last run (of the server whose address is KEY in DIR/env, PHP's by default)
# when it is still free (links WordPress stored, like a media file's guid, keep working), else any
# free one.
choose_port() {
  local previous= key=${1:-NEWSROOM_WP_URL}
  if [ -f "$dir/env" ]; then
    previous=$(sed -n "s|^$key=http://127\\.0\\.0\\.1:\\([0-9]*\\)\$|\\1|p" "$dir/env")
  fi
  # shellcheck disable=SC2016 # PHP's variables
  php -r 'foreach ([(int) $argv[1], 0] as $port) {
            $server = @stream_socket_server("tcp://127.0.0.1:$port");
            if ($server) { echo explode(":", stream_socket_get_name($server, false))[1]; exit(0); }
          }
          exit(1);' -- "${previous:-0}"
}

start_php_server() {
  local port=$1
  PHP_CLI_SERVER_WORKERS=$PHP_WORKERS setsid php "${PHP_SETTINGS[@]}" \
    -d error_log="$dir/php-errors.log" -S "127.0.0.1:$port" -t "$site" "$dir/router.php" \
    </dev/null >>"$dir/php-server.log" 2>&1 9>&- &
  echo $! >"$run/php.pid"
}

# nginx as a reverse proxy to PHP's server on PORT, listening on NGINX_PORT, everything it keeps
# in DIR/nginx. Its master is the leader of a process group of its own, as PHP's server is.
start_nginx() {
  local port=$1 nginx_port=$2 prefix=$dir/nginx
  mkdir -p "$prefix"
  # As root, nginx would hand its workers to `nobody`, who may not write in DIR.
  local user_line=
  [ "$(id -u)" != 0 ] || user_line="user root;"
  cat >"$prefix/nginx.conf" <<CONF
$user_line
daemon off;
worker_processes 1;
pid $prefix/nginx.pid;
error_log $prefix/error.log;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path $prefix/body;
  proxy_temp_path $prefix/proxy;
  fastcgi_temp_path $prefix/fastcgi;
  uwsgi_temp_path $prefix/uwsgi;
  scgi_temp_path $prefix/scgi;
  client_max_body_size $NGINX_BODY_LIMIT;
  server {
    listen 127.0.0.1:$nginx_port;
    location / {
      proxy_pass http://127.0.0.1:$port;
      proxy_set_header Host \$http_host;
      proxy_read_timeout 120s;
    }
  }
}
CONF
  setsid nginx -p "$prefix" -c "$prefix/nginx.conf" </dev/null >>"$prefix/error.log" 2>&1 9>&- &
  echo $! >"$run/nginx.pid"
}

# GET /wp-json/wp/v2/users/me with the editor's Application Password at URL (PHP's server by
# default): 200 means the web server, WordPress, the database and the password all work.
signed_in() {
  local answer url=${1:-$NEWSROOM_WP_URL}
  answer=$(curl -s -w ' HTTP %{http_code}' --max-time 5 \
    -u "$NEWSROOM_WP_USER:$NEWSROOM_WP_APP_PASSWORD" "$url/wp-json/wp/v2/users/me") || true
  last_answer=${answer: -300}
  [ "${answer: -8}" = "HTTP 200" ]
}

healthy() {
  [ -f "$dir/env" ] && running "$run/mariadb.pid" && running "$run/php.pid" && running "$run/nginx.pid" ||
    return 1
  # shellcheck source=/dev/null
  source "$dir/env"
  [ -n "${NEWSROOM_WP_NGINX_URL:-}" ] && signed_in && signed_in "$NEWSROOM_WP_NGINX_URL"
}

write_env() {
  replace_file "$dir/env" <<EOF
NEWSROOM_WP_URL=$NEWSROOM_WP_URL
NEWSROOM_WP_NGINX_URL=$NEWSROOM_WP_NGINX_URL
NEWSROOM_WP_USER=$NEWSROOM_WP_USER
NEWSROOM_WP_APP_PASSWORD=$NEWSROOM_WP_APP_PASSWORD
EOF
}

# Until a start completes, an exit (an error, a timeout) stops what it started and shows the logs,
# so that a failed CI run leaves no server behind.
started_ok=0
on_exit() {
  local status=$?
  remove_policy_rc_d
  if [ "$action" = start ] && [ "$started_ok" = 0 ] && [ -d "$run" ]; then
    [ "$status" = 0 ] || say "start failed; stopping what it started"
    stop_all
  fi
}

start() {
  local started
  if healthy; then
    say "already running for $dir"
    started_ok=1
    echo "$NEWSROOM_WP_URL"
    return
  fi
  # Whatever is left of an earlier run (one process died, or the password no longer signs in).
  stop_all
  install_packages

  started=$(now)
  start_mariadb
  make_site
  local port
  port=$(choose_port) || fail "no free port on 127.0.0.1"
  NEWSROOM_WP_URL=http://127.0.0.1:$port
  NEWSROOM_WP_USER=$WP_USER
  write_config "$NEWSROOM_WP_URL"
  write_router
  write_installer

  # A restart keeps the password of DIR/env, so that a test holding it still signs in.
  local old_password=
  if [ "$db_is_new" = 0 ] && [ -f "$dir/env" ]; then
    old_password=$(sed -n 's/^NEWSROOM_WP_APP_PASSWORD=//p' "$dir/env")
  fi
  NEWSROOM_WP_APP_PASSWORD=$(NEWSROOM_WP_OLD_PASSWORD=$old_password php "${PHP_SETTINGS[@]}" \
    -d display_errors=stderr -d log_errors=0 "$dir/install.php" \
    "$site" "$NEWSROOM_WP_URL" "$WP_USER" "$WP_TITLE" "$dir/admin-password") ||
    fail "installing WordPress failed"
  [ -n "$NEWSROOM_WP_APP_PASSWORD" ] || fail "no Application Password"

  start_php_server "$port"
  wait_for "WordPress at $NEWSROOM_WP_URL (GET /wp-json/wp/v2/users/me as $WP_USER)" \
    "$run/php.pid" signed_in
  local nginx_port
  nginx_port=$(choose_port NEWSROOM_WP_NGINX_URL) || fail "no free port on 127.0.0.1"
  NEWSROOM_WP_NGINX_URL=http://127.0.0.1:$nginx_port
  start_nginx "$port" "$nginx_port"
  wait_for "nginx at $NEWSROOM_WP_NGINX_URL" "$run/nginx.pid" signed_in "$NEWSROOM_WP_NGINX_URL"
  write_env
  started_ok=1
  say "ready at $NEWSROOM_WP_URL in $(since "$started") (credentials in $dir/env)"
  echo "$NEWSROOM_WP_URL"
}

main() {
  case "$action" in
    start)
      mkdir -p "$run"
      # One start or stop at a time per DIR (tests running in parallel may share one).
      exec 9>"$dir/lock"
      flock 9
      trap on_exit EXIT
      # ensure_apt_packages and as_root; setup.sh also checks the build's own packages and Rust.
      source scripts/setup.sh >&2
      start
      ;;
    stop)
      if [ ! -d "$run" ]; then
        say "nothing was started in $dir"
        return
      fi
      exec 9>"$dir/lock"
      flock 9
      if group_alive "$(cat "$run/php.pid" 2>/dev/null)" ||
        group_alive "$(cat "$run/nginx.pid" 2>/dev/null)" ||
        group_alive "$(cat "$run/mariadb.pid" 2>/dev/null)"; then
        stop_all
        say "stopped ($dir is kept)"
      else
        stop_all # clears stale pid files
        say "nothing running for $dir"
      fi
      ;;
    *) usage ;;
  esac
}

main
