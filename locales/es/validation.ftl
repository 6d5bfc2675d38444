error-required = es obligatorio
error-taken = ya está en uso; elija otro
error-one-line = debe ser una línea sin caracteres de control
error-whole-number = debe ser un número entero
error-text = debe ser texto
error-true-or-false = debe ser verdadero o falso
error-password-mismatch = no coincide con la contraseña
error-email = debe ser una dirección de correo, como nombre@example.org
error-time-zone = debe ser una zona horaria IANA, como Europe/Madrid o America/New_York
error-at-most-characters = debe tener como máximo { $max } caracteres
error-characters-between = debe tener de { $min } a { $max } caracteres
error-between = debe estar entre { $min } y { $max }
error-on-one-line = debe ocupar una sola línea
error-characters-long = debe tener de { $min } a { $max } caracteres

error-date = debe ser una fecha como 2026-03-30 (AAAA-MM-DD)
error-year = debe estar entre los años { $min } y { $max }
error-instant = debe ser un instante en formato RFC 3339, como 2026-03-30T09:00:00Z
error-whole-second = debe ser un segundo exacto (Kairos no guarda fracciones de segundo)

error-at-most = debe ser como máximo { $max }
error-number = debe ser un número
error-phone = debe ser un número de teléfono, como +34 912 345 678
error-international-phone = debe ser un número de teléfono en formato internacional, como +34912345678
error-one-of = debe ser uno de estos: { $choices }
error-language = debe ser uno de en, de, fr, es, pt-BR, nl o ar
error-slug = solo puede contener letras minúsculas, dígitos y -, y no debe empezar por -
error-member-or-admin = debe ser miembro o administrador
error-json-object = debe ser un objeto JSON
error-invalid-link = enlace no válido

error-password-short = { $min ->
        [one] debe tener al menos { $min } carácter
       *[other] debe tener al menos { $min } caracteres
    }
error-password-long = { $max ->
        [one] debe tener como máximo { $max } byte
       *[other] debe tener como máximo { $max } bytes
    }
error-password-one-character = no debe repetir un único carácter
error-password-common = está en la lista de contraseñas más usadas; elija otra

outbound-invalid-url = no es una URL válida
outbound-scheme = debe empezar por http:// o https:// (no { $scheme }://)
outbound-credentials = no debe contener un nombre de usuario ni una contraseña
outbound-no-host = no tiene host
outbound-unresolved = tiene un host, { $host }, que no se puede resolver: { $error }
outbound-refusal = { $refusal ->
        [loopback] una dirección de bucle local
        [unspecified] una dirección no especificada
        [link-local] una dirección de enlace local
        [cloud-metadata] una dirección de metadatos de la nube
        [multicast] una dirección multicast
        [broadcast] la dirección de difusión
        [documentation] una dirección reservada para documentación
        [benchmarking] una dirección reservada para pruebas de rendimiento
        [private] una dirección de red privada (un administrador puede permitirlas en los ajustes de la instancia)
        [wrapped] { $wrapper ->
            [ipv4-compatible] una dirección compatible con IPv4 que contiene { $ipv4 }
            [ipv4-translated] una dirección traducida de IPv4 que contiene { $ipv4 }
            [six-to-four] una dirección 6to4 que contiene { $ipv4 }
           *[teredo] una dirección Teredo que contiene { $ipv4 }
        }
       *[reserved] una dirección reservada
    }
outbound-refused = apunta a { $target }, { outbound-refusal }; Kairos no envía nada allí

error-too-many-dates = { $max ->
        [one] debe incluir como máximo { $max } fecha
       *[other] debe incluir como máximo { $max } fechas
    }
error-after-start = debe ser posterior al inicio
error-within-a-year = debe quedar dentro del año siguiente al inicio
error-range-days = { $max ->
        [one] el intervalo puede abarcar como máximo { $max } día
       *[other] el intervalo puede abarcar como máximo { $max } días
    }

# Cuentas, la primera configuración y los ajustes de la instancia.

error-first-day = debe ser lunes, domingo o sábado
error-time-format = debe ser 12 o 24
error-current-password = no es su contraseña actual
error-new-password-mismatch = no coincide con la nueva contraseña
error-email-registered = ya pertenece a una cuenta
error-setup-time-zone = debe ser una zona horaria IANA, como Europe/Madrid
error-installation = debe ser compartida, oficina o personal
error-signup-mode = debe ser cerrado o por invitación
error-require-mfa = debe ser desactivado, administradores o todos
error-too-many-sites = { $max ->
        [one] puede incluir como máximo { $max } sitio
       *[other] puede incluir como máximo { $max } sitios
    }
error-origin-scheme = { $origin } debe empezar por https:// o http://
error-origin = { $origin } no es un origen como https://www.example.org (sin ruta)
error-retention-years = debe ser un número entero de años de { $min } a { $max }
error-hourly-cap = debe ser un número entero de 0 (sin límite) a { $max }
error-idle-minutes = debe ser uno de estos valores: { $choices } minutos

# La aplicación de inicio de sesión de un administrador (Google, Microsoft, Zoom).

error-app-credential = { $max ->
        [one] debe ser una sola palabra de como máximo { $max } carácter, tal como la muestra el proveedor
       *[other] debe ser una sola palabra de como máximo { $max } caracteres, tal como la muestra el proveedor
    }
error-tenant = debe ser el ID del directorio (inquilino), un dominio como contoso.onmicrosoft.com, o common
error-username-characters = solo puede contener letras minúsculas, dígitos, - y _, y debe empezar por una letra o un dígito
error-username-reserved = está reservado; elija otro
error-language-any = debe ser uno de en, de, fr, es, pt-BR, nl, ar o en-XA
