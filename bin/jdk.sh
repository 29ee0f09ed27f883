# Sourced by the scripts in bin/: finds a JDK 21 or newer and exports JAVA_HOME.
# Order: JAVA_HOME if it is 21+, else the newest 21+ under /usr/lib/jvm (or $METANODE_JVM_DIRS),
# else the java on PATH if it is 21+. Nobody has to set JAVA_HOME by hand. Sets METANODE_JDK_MAJOR
# to the chosen JDK's feature version.

metanode_jdk_major() { # $1 = JDK home; prints the feature version or nothing
  local release="$1/release" v
  [ -x "$1/bin/java" ] || return 0
  if [ -f "$release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
  else
    v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  fi
  case "$v" in 1.*) v=${v#1.} ;; esac
  printf '%s' "${v%%.*}"
}

metanode_find_jdk() {
  local need=21 best="" best_v=0 d v
  if [ -n "${JAVA_HOME:-}" ]; then
    v=$(metanode_jdk_major "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge "$need" ]; then
      METANODE_JDK_MAJOR="$v"
      return 0
    fi
  fi
  for d in ${METANODE_JVM_DIRS:-/usr/lib/jvm}/*; do
    [ -d "$d" ] || continue
    v=$(metanode_jdk_major "$d")
    if [ -n "$v" ] && [ "$v" -ge "$need" ] && [ "$v" -gt "$best_v" ]; then
      best="$d"; best_v="$v"
    fi
  done
  if [ -z "$best" ] && command -v java >/dev/null 2>&1; then
    d=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    v=$(metanode_jdk_major "$d")
    if [ -n "$v" ] && [ "$v" -ge "$need" ]; then best="$d"; best_v="$v"; fi
  fi
  if [ -z "$best" ]; then
    echo "metanode: no JDK $need or newer found (looked at JAVA_HOME, ${METANODE_JVM_DIRS:-/usr/lib/jvm}/*, and java on PATH)." >&2
    echo "metanode: install one, e.g. 'apt-get install openjdk-21-jdk-headless' (or temurin-21-jdk), then run this again." >&2
    return 1
  fi
  export JAVA_HOME="$best"
  METANODE_JDK_MAJOR="$best_v"
}
