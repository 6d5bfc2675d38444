//! Validating an OpenID Connect ID token: the JWS signature against the provider's JSON
//! Web Key Set, then issuer, audience, authorized party, nonce and lifetime against the
//! application clock. Pure: keys, expectations and "now" come in as arguments.

use aws_lc_rs::signature::{self, RsaPublicKeyComponents, UnparsedPublicKey};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;
use serde_json::Value;

/// Clock difference tolerated between Kairos and the provider.
pub const LEEWAY: Duration = Duration::seconds(60);

/// Why an ID token is refused. The messages name no claim values.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    #[error("the ID token is not a signed JWT")]
    Malformed,
    #[error("the ID token uses an algorithm Kairos does not accept ({0})")]
    Algorithm(String),
    #[error("no key of the provider matches the ID token's signature key")]
    UnknownKey,
    #[error("the ID token's signature is wrong")]
    BadSignature,
    #[error("the ID token comes from another issuer")]
    WrongIssuer,
    #[error("the ID token is meant for another client")]
    WrongAudience,
    #[error("the ID token's nonce does not match this sign-in")]
    WrongNonce,
    #[error("the ID token has expired")]
    Expired,
    #[error("the ID token is issued in the future")]
    NotYetValid,
}

impl TokenError {
    /// A short code for the audit log.
    pub fn code(&self) -> &'static str {
        match self {
            TokenError::Malformed => "token_malformed",
            TokenError::Algorithm(_) => "token_algorithm",
            TokenError::UnknownKey => "token_unknown_key",
            TokenError::BadSignature => "token_signature",
            TokenError::WrongIssuer => "token_issuer",
            TokenError::WrongAudience => "token_audience",
            TokenError::WrongNonce => "token_nonce",
            TokenError::Expired => "token_expired",
            TokenError::NotYetValid => "token_not_yet_valid",
        }
    }
}

/// One key of a JSON Web Key Set (RFC 7517); only what verification needs.
#[derive(Debug, Clone, Deserialize)]
pub struct Jwk {
    pub kty: String,
    #[serde(default)]
    pub kid: Option<String>,
    #[serde(default, rename = "use")]
    pub usage: Option<String>,
    #[serde(default)]
    pub alg: Option<String>,
    #[serde(default)]
    pub n: Option<String>,
    #[serde(default)]
    pub e: Option<String>,
    #[serde(default)]
    pub crv: Option<String>,
    #[serde(default)]
    pub x: Option<String>,
    #[serde(default)]
    pub y: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct JwkSet {
    pub keys: Vec<Jwk>,
}

/// What the token must say.
#[derive(Debug, Clone)]
pub struct Expected<'a> {
    pub issuer: &'a str,
    pub client_id: &'a str,
    pub nonce: &'a str,
    pub now: DateTime<Utc>,
}

/// The claims Kairos uses, from a valid token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identity {
    pub subject: String,
    pub email: Option<String>,
    pub email_verified: bool,
}

#[derive(Debug, Deserialize)]
struct Header {
    alg: String,
    #[serde(default)]
    kid: Option<String>,
}

/// Checks the token and returns who it names.
pub fn validate(
    token: &str,
    keys: &JwkSet,
    expected: &Expected<'_>,
) -> Result<Identity, TokenError> {
    let mut parts = token.split('.');
    let (Some(header_part), Some(payload_part), Some(signature_part), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(TokenError::Malformed);
    };
    let decode = |part: &str| {
        URL_SAFE_NO_PAD
            .decode(part)
            .map_err(|_| TokenError::Malformed)
    };
    let header: Header =
        serde_json::from_slice(&decode(header_part)?).map_err(|_| TokenError::Malformed)?;
    // The signature covers `header.payload` as sent.
    let signed = &token[..header_part.len() + 1 + payload_part.len()];
    verify_signature(&header, keys, signed.as_bytes(), &decode(signature_part)?)?;

    let claims: Value =
        serde_json::from_slice(&decode(payload_part)?).map_err(|_| TokenError::Malformed)?;
    check_claims(&claims, expected)?;
    let text = |name: &str| claims.get(name).and_then(Value::as_str).map(str::to_string);
    Ok(Identity {
        subject: text("sub").ok_or(TokenError::Malformed)?,
        email: text("email"),
        // Some providers send the flag as the string "true".
        email_verified: match claims.get("email_verified") {
            Some(Value::Bool(verified)) => *verified,
            Some(Value::String(verified)) => verified == "true",
            _ => false,
        },
    })
}

fn verify_signature(
    header: &Header,
    keys: &JwkSet,
    message: &[u8],
    signature: &[u8],
) -> Result<(), TokenError> {
    let family = match header.alg.as_str() {
        "RS256" | "RS384" | "RS512" | "PS256" | "PS384" | "PS512" => "RSA",
        "ES256" | "ES384" => "EC",
        other => return Err(TokenError::Algorithm(other.to_string())),
    };
    let candidates = keys.keys.iter().filter(|key| {
        key.kty == family
            && key.usage.as_deref().is_none_or(|usage| usage == "sig")
            && key.alg.as_deref().is_none_or(|alg| alg == header.alg)
            && match (&header.kid, &key.kid) {
                (Some(wanted), Some(kid)) => wanted == kid,
                _ => true,
            }
    });
    let mut any = false;
    for key in candidates {
        any = true;
        if verify_with(&header.alg, key, message, signature) {
            return Ok(());
        }
    }
    Err(if any {
        TokenError::BadSignature
    } else {
        TokenError::UnknownKey
    })
}

fn verify_with(alg: &str, key: &Jwk, message: &[u8], signature: &[u8]) -> bool {
    let bytes = |field: &Option<String>| {
        field
            .as_deref()
            .and_then(|text| URL_SAFE_NO_PAD.decode(text.trim_end_matches('=')).ok())
    };
    match alg {
        "RS256" | "RS384" | "RS512" | "PS256" | "PS384" | "PS512" => {
            let (Some(n), Some(e)) = (bytes(&key.n), bytes(&key.e)) else {
                return false;
            };
            let params: &signature::RsaParameters = match alg {
                "RS256" => &signature::RSA_PKCS1_2048_8192_SHA256,
                "RS384" => &signature::RSA_PKCS1_2048_8192_SHA384,
                "RS512" => &signature::RSA_PKCS1_2048_8192_SHA512,
                "PS256" => &signature::RSA_PSS_2048_8192_SHA256,
                "PS384" => &signature::RSA_PSS_2048_8192_SHA384,
                _ => &signature::RSA_PSS_2048_8192_SHA512,
            };
            let strip = |bytes: &[u8]| {
                let start = bytes.iter().position(|b| *b != 0).unwrap_or(bytes.len());
                bytes[start..].to_vec()
            };
            RsaPublicKeyComponents {
                n: strip(&n),
                e: strip(&e),
            }
            .verify(params, message, signature)
            .is_ok()
        }
        "ES256" | "ES384" => {
            let (Some(x), Some(y)) = (bytes(&key.x), bytes(&key.y)) else {
                return false;
            };
            let (algorithm, curve, size): (&'static signature::EcdsaVerificationAlgorithm, _, _) =
                match alg {
                    "ES256" => (&signature::ECDSA_P256_SHA256_FIXED, "P-256", 32),
                    _ => (&signature::ECDSA_P384_SHA384_FIXED, "P-384", 48),
                };
            if key.crv.as_deref() != Some(curve) || x.len() != size || y.len() != size {
                return false;
            }
            let point = [&[0x04][..], &x, &y].concat();
            UnparsedPublicKey::new(algorithm, point)
                .verify(message, signature)
                .is_ok()
        }
        _ => false,
    }
}

fn check_claims(claims: &Value, expected: &Expected<'_>) -> Result<(), TokenError> {
    if claims.get("iss").and_then(Value::as_str) != Some(expected.issuer) {
        return Err(TokenError::WrongIssuer);
    }
    let audiences: Vec<&str> = match claims.get("aud") {
        Some(Value::String(one)) => vec![one.as_str()],
        Some(Value::Array(many)) => many.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    if !audiences.contains(&expected.client_id) {
        return Err(TokenError::WrongAudience);
    }
    // With several audiences the authorized party must be Kairos; when present it must be.
    match claims.get("azp").and_then(Value::as_str) {
        Some(azp) if azp != expected.client_id => return Err(TokenError::WrongAudience),
        None if audiences.len() > 1 => return Err(TokenError::WrongAudience),
        _ => {}
    }
    let nonce = claims.get("nonce").and_then(Value::as_str).unwrap_or("");
    if !crate::crypto::constant_time_eq(nonce.as_bytes(), expected.nonce.as_bytes())
        || expected.nonce.is_empty()
    {
        return Err(TokenError::WrongNonce);
    }
    let instant = |name: &str| {
        claims
            .get(name)
            .and_then(Value::as_i64)
            .and_then(|seconds| DateTime::from_timestamp(seconds, 0))
    };
    let expires = instant("exp").ok_or(TokenError::Malformed)?;
    if expires + LEEWAY <= expected.now {
        return Err(TokenError::Expired);
    }
    let issued = instant("iat").ok_or(TokenError::Malformed)?;
    if issued - LEEWAY > expected.now {
        return Err(TokenError::NotYetValid);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use aws_lc_rs::rsa::{KeyPair, KeySize};
    use aws_lc_rs::signature::KeyPair as _;
    use serde_json::json;

    const ISSUER: &str = "https://id.example.org/realms/clinic";
    const CLIENT: &str = "kairos";
    const NONCE: &str = "n-0S6_WzA2Mj";

    struct Signer {
        key: KeyPair,
        kid: &'static str,
    }

    impl Signer {
        fn new(kid: &'static str) -> Self {
            Self {
                key: KeyPair::generate(KeySize::Rsa2048).expect("RSA key"),
                kid,
            }
        }

        fn jwk(&self) -> Jwk {
            let public = RsaPublicKeyComponents::<Vec<u8>>::from(self.key.public_key());
            Jwk {
                kty: "RSA".into(),
                kid: Some(self.kid.into()),
                usage: Some("sig".into()),
                alg: Some("RS256".into()),
                n: Some(URL_SAFE_NO_PAD.encode(public.n)),
                e: Some(URL_SAFE_NO_PAD.encode(public.e)),
                crv: None,
                x: None,
                y: None,
            }
        }

        fn token(&self, claims: &Value) -> String {
            let header = json!({"alg": "RS256", "kid": self.kid, "typ": "JWT"});
            let signed = format!(
                "{}.{}",
                URL_SAFE_NO_PAD.encode(header.to_string()),
                URL_SAFE_NO_PAD.encode(claims.to_string())
            );
            let mut signature = vec![0; self.key.public_modulus_len()];
            self.key
                .sign(
                    &signature::RSA_PKCS1_SHA256,
                    &aws_lc_rs::rand::SystemRandom::new(),
                    signed.as_bytes(),
                    &mut signature,
                )
                .expect("signs");
            format!("{signed}.{}", URL_SAFE_NO_PAD.encode(signature))
        }
    }

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default()
    }

    fn claims() -> Value {
        json!({
            "iss": ISSUER,
            "aud": CLIENT,
            "sub": "248289761001",
            "nonce": NONCE,
            "iat": now().timestamp() - 5,
            "exp": now().timestamp() + 300,
            "email": "ana@clinic.example",
            "email_verified": true,
        })
    }

    fn expected() -> Expected<'static> {
        Expected {
            issuer: ISSUER,
            client_id: CLIENT,
            nonce: NONCE,
            now: now(),
        }
    }

    fn with(change: impl FnOnce(&mut serde_json::Map<String, Value>)) -> Value {
        let mut claims = claims();
        if let Value::Object(map) = &mut claims {
            change(map);
        }
        claims
    }

    #[test]
    fn a_good_token_names_the_verified_email() {
        let signer = Signer::new("k1");
        let keys = JwkSet {
            keys: vec![signer.jwk()],
        };
        let identity = validate(&signer.token(&claims()), &keys, &expected()).expect("valid");
        assert_eq!(identity.email.as_deref(), Some("ana@clinic.example"));
        assert!(identity.email_verified);
        assert_eq!(identity.subject, "248289761001");
    }

    #[test]
    fn a_token_signed_by_another_key_is_refused() {
        let provider = Signer::new("k1");
        let forger = Signer::new("k1");
        let keys = JwkSet {
            keys: vec![provider.jwk()],
        };
        assert_eq!(
            validate(&forger.token(&claims()), &keys, &expected()),
            Err(TokenError::BadSignature)
        );
        let other_kid = Signer::new("k2");
        assert_eq!(
            validate(&other_kid.token(&claims()), &keys, &expected()),
            Err(TokenError::UnknownKey)
        );
    }

    #[test]
    fn an_edited_payload_breaks_the_signature() {
        let signer = Signer::new("k1");
        let keys = JwkSet {
            keys: vec![signer.jwk()],
        };
        let token = signer.token(&claims());
        let mut parts: Vec<String> = token.split('.').map(str::to_string).collect();
        parts[1] = URL_SAFE_NO_PAD.encode(
            with(|c| {
                c.insert("email".into(), json!("boss@clinic.example"));
            })
            .to_string(),
        );
        assert_eq!(
            validate(&parts.join("."), &keys, &expected()),
            Err(TokenError::BadSignature)
        );
    }

    #[test]
    fn unsigned_tokens_are_refused() {
        let keys = JwkSet {
            keys: vec![Signer::new("k1").jwk()],
        };
        let header = URL_SAFE_NO_PAD.encode(json!({"alg": "none"}).to_string());
        let payload = URL_SAFE_NO_PAD.encode(claims().to_string());
        assert_eq!(
            validate(&format!("{header}.{payload}."), &keys, &expected()),
            Err(TokenError::Algorithm("none".into()))
        );
        let hmac = URL_SAFE_NO_PAD.encode(json!({"alg": "HS256"}).to_string());
        assert!(matches!(
            validate(&format!("{hmac}.{payload}.c2ln"), &keys, &expected()),
            Err(TokenError::Algorithm(_))
        ));
        assert_eq!(
            validate("not-a-jwt", &keys, &expected()),
            Err(TokenError::Malformed)
        );
    }

    #[test]
    fn wrong_audience_issuer_nonce_and_expired_are_refused() {
        let signer = Signer::new("k1");
        let keys = JwkSet {
            keys: vec![signer.jwk()],
        };
        let check = |claims: Value| validate(&signer.token(&claims), &keys, &expected());

        assert_eq!(
            check(with(|c| {
                c.insert("aud".into(), json!("another-app"));
            })),
            Err(TokenError::WrongAudience)
        );
        assert_eq!(
            check(with(|c| {
                c.insert("aud".into(), json!([CLIENT, "another-app"]));
            })),
            Err(TokenError::WrongAudience),
            "several audiences without azp"
        );
        assert!(
            check(with(|c| {
                c.insert("aud".into(), json!([CLIENT, "another-app"]));
                c.insert("azp".into(), json!(CLIENT));
            }))
            .is_ok()
        );
        assert_eq!(
            check(with(|c| {
                c.insert("azp".into(), json!("another-app"));
            })),
            Err(TokenError::WrongAudience)
        );
        assert_eq!(
            check(with(|c| {
                c.insert("iss".into(), json!("https://evil.example.org"));
            })),
            Err(TokenError::WrongIssuer)
        );
        assert_eq!(
            check(with(|c| {
                c.insert("nonce".into(), json!("replayed"));
            })),
            Err(TokenError::WrongNonce)
        );
        assert_eq!(
            check(with(|c| {
                c.remove("nonce");
            })),
            Err(TokenError::WrongNonce)
        );
        assert_eq!(
            check(with(|c| {
                c.insert("exp".into(), json!(now().timestamp() - 61));
            })),
            Err(TokenError::Expired)
        );
        assert!(
            check(with(|c| {
                c.insert("exp".into(), json!(now().timestamp() - 30));
            }))
            .is_ok(),
            "within the leeway"
        );
        assert_eq!(
            check(with(|c| {
                c.insert("iat".into(), json!(now().timestamp() + 600));
            })),
            Err(TokenError::NotYetValid)
        );
    }

    #[test]
    fn email_verified_may_be_a_string_and_is_false_when_absent() {
        let signer = Signer::new("k1");
        let keys = JwkSet {
            keys: vec![signer.jwk()],
        };
        let check = |claims: Value| {
            validate(&signer.token(&claims), &keys, &expected())
                .map(|identity| identity.email_verified)
        };
        assert_eq!(
            check(with(|c| {
                c.insert("email_verified".into(), json!("true"));
            })),
            Ok(true)
        );
        assert_eq!(
            check(with(|c| {
                c.remove("email_verified");
            })),
            Ok(false)
        );
    }

    #[test]
    fn es256_tokens_verify_with_an_ec_key() {
        use aws_lc_rs::signature::{ECDSA_P256_SHA256_FIXED_SIGNING, EcdsaKeyPair};
        let key = EcdsaKeyPair::generate(&ECDSA_P256_SHA256_FIXED_SIGNING).expect("EC key");
        let point = key.public_key().as_ref().to_vec();
        let jwk = Jwk {
            kty: "EC".into(),
            kid: Some("ec1".into()),
            usage: None,
            alg: None,
            n: None,
            e: None,
            crv: Some("P-256".into()),
            x: Some(URL_SAFE_NO_PAD.encode(&point[1..33])),
            y: Some(URL_SAFE_NO_PAD.encode(&point[33..65])),
        };
        let header = json!({"alg": "ES256", "kid": "ec1"});
        let signed = format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(header.to_string()),
            URL_SAFE_NO_PAD.encode(claims().to_string())
        );
        let signature = key
            .sign(&aws_lc_rs::rand::SystemRandom::new(), signed.as_bytes())
            .expect("signs");
        let token = format!("{signed}.{}", URL_SAFE_NO_PAD.encode(signature.as_ref()));
        let keys = JwkSet { keys: vec![jwk] };
        assert!(validate(&token, &keys, &expected()).is_ok());
        // The RSA key of another provider does not stand in for it.
        let rsa_only = JwkSet {
            keys: vec![Signer::new("ec1").jwk()],
        };
        assert_eq!(
            validate(&token, &rsa_only, &expected()),
            Err(TokenError::UnknownKey)
        );
    }
}
