//! Mapping a PE32+ image: sections, base relocations, imports, protections, TLS callbacks.

use std::fmt;

use object::LittleEndian as LE;
use object::pe;
use object::read::pe::{ImageNtHeaders, ImageOptionalHeader, Import, PeFile64};

use super::imports::{self, ImportRef};

/// Where to map the image.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placement {
    /// At its `ImageBase` (`MAP_FIXED_NOREPLACE`); falls back to anywhere if that is taken.
    Preferred,
    /// Anywhere else: the base relocations are applied.
    Relocated,
}

/// Why an image could not be loaded.
#[derive(Debug)]
pub enum LoadError {
    /// Not a PE32+ image `object` can parse.
    Parse(object::Error),
    /// `mmap` failed.
    Map(std::io::Error),
    /// The image has no base relocations but cannot sit at its preferred base.
    NotRelocatable,
    /// An unknown base-relocation type.
    Relocation(u16),
    /// Imports no table or shim provides, as `dll!name` / `dll!#ordinal`.
    Unresolved(Vec<String>),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Parse(e) => write!(f, "not a PE32+ image: {e}"),
            LoadError::Map(e) => write!(f, "mmap: {e}"),
            LoadError::NotRelocatable => f.write_str("image has no .reloc and its preferred base is taken"),
            LoadError::Relocation(t) => write!(f, "unsupported base relocation type {t}"),
            LoadError::Unresolved(v) => write!(f, "unresolved imports: {}", v.join(", ")),
        }
    }
}

impl From<object::Error> for LoadError {
    fn from(e: object::Error) -> Self {
        LoadError::Parse(e)
    }
}

/// A mapped, bound image.
#[derive(Debug)]
pub struct Image {
    /// Where it is mapped.
    pub base: usize,
    /// `ImageBase` from the optional header.
    pub preferred_base: usize,
    /// `SizeOfImage`.
    pub size: usize,
    /// Absolute address of the entry point.
    pub entry: usize,
    /// Absolute addresses of the TLS callbacks, in order.
    pub tls_callbacks: Vec<usize>,
    /// The TLS template `(start, end, zero_fill)` (absolute addresses), if any.
    pub tls_template: Option<(usize, usize, usize)>,
    /// Every import and what it was bound to.
    pub imports: Vec<(ImportRef, usize)>,
    /// Whether any `GS`-relative access is expected (the image links a CRT).
    pub needs_teb: bool,
}

const PAGE: usize = 4096;

fn round_up(v: usize, to: usize) -> usize {
    v.div_ceil(to) * to
}

/// The imports of an image file, without loading it.
pub fn list_imports(data: &[u8]) -> Result<Vec<ImportRef>, LoadError> {
    let file = PeFile64::parse(data)?;
    let mut out = Vec::new();
    let Some(table) = file.import_table()? else { return Ok(out) };
    let mut descs = table.descriptors()?;
    while let Some(d) = descs.next()? {
        let dll = String::from_utf8_lossy(table.name(d.name.get(LE))?).into_owned();
        let first = match d.original_first_thunk.get(LE) {
            0 => d.first_thunk.get(LE),
            oft => oft,
        };
        let mut thunks = table.thunks(first)?;
        let mut slot = 0u32;
        while let Some(t) = thunks.next::<pe::ImageNtHeaders64>()? {
            let import = match table.import::<pe::ImageNtHeaders64>(t)? {
                Import::Ordinal(o) => imports::Wanted::Ordinal(o),
                Import::Name(_hint, name) => imports::Wanted::Name(String::from_utf8_lossy(name).into_owned()),
            };
            out.push(ImportRef { dll: dll.clone(), wanted: import, iat_rva: d.first_thunk.get(LE) + slot * 8 });
            slot += 1;
        }
    }
    Ok(out)
}

impl Image {
    /// Maps `data`, relocates it when needed, binds every import with
    /// [`imports::resolve`] and protects the sections. Fails listing every unresolved import.
    pub fn load(data: &[u8], placement: Placement) -> Result<Image, LoadError> {
        let file = PeFile64::parse(data)?;
        let opt = file.nt_headers().optional_header();
        let preferred = opt.image_base() as usize;
        let size = round_up(opt.size_of_image() as usize, PAGE);
        let base = map(preferred, size, placement)?;
        let image = Mapped { base, size };
        // SAFETY: `base..base+size` is our fresh RW mapping; the header and section copies are
        // bounds-checked against it.
        unsafe {
            let headers = (opt.size_of_headers() as usize).min(data.len()).min(size);
            std::ptr::copy_nonoverlapping(data.as_ptr(), base as *mut u8, headers);
            for s in file.section_table().iter() {
                let va = s.virtual_address.get(LE) as usize;
                let raw = s.pe_data(data)?;
                let n = raw.len().min(s.virtual_size.get(LE) as usize).min(size.saturating_sub(va));
                std::ptr::copy_nonoverlapping(raw.as_ptr(), (base + va) as *mut u8, n);
            }
        }

        // Base relocations.
        let delta = base.wrapping_sub(preferred);
        if delta != 0 {
            let Some(mut blocks) = file.data_directories().relocation_blocks(data, &file.section_table())? else {
                return Err(LoadError::NotRelocatable);
            };
            while let Some(block) = blocks.next()? {
                for r in block {
                    let at = base + r.virtual_address as usize;
                    // SAFETY: relocation targets lie inside the image (checked below).
                    unsafe {
                        match r.typ {
                            pe::IMAGE_REL_BASED_ABSOLUTE => {}
                            pe::IMAGE_REL_BASED_DIR64 if at + 8 <= base + size => {
                                let p = at as *mut u64;
                                p.write_unaligned(p.read_unaligned().wrapping_add(delta as u64));
                            }
                            pe::IMAGE_REL_BASED_HIGHLOW if at + 4 <= base + size => {
                                let p = at as *mut u32;
                                p.write_unaligned(p.read_unaligned().wrapping_add(delta as u32));
                            }
                            t => return Err(LoadError::Relocation(t)),
                        }
                    }
                }
            }
            // The in-memory headers' ImageBase, as the Windows loader leaves it.
            let nt = file.dos_header().nt_headers_offset() as usize;
            let image_base_at = base + nt + 4 + 20 + 24;
            // SAFETY: ImageBase of IMAGE_OPTIONAL_HEADER64 is at offset 24 inside our header copy.
            unsafe { (image_base_at as *mut u64).write_unaligned(base as u64) };
        }

        // Imports.
        let wanted = list_imports(data)?;
        let mut bound = Vec::with_capacity(wanted.len());
        let mut missing = Vec::new();
        for w in wanted {
            match imports::resolve(&w.dll, &w.wanted) {
                Some(addr) => {
                    // SAFETY: the IAT slot lies inside the image.
                    unsafe { ((base + w.iat_rva as usize) as *mut u64).write_unaligned(addr as u64) };
                    bound.push((w, addr));
                }
                None => missing.push(w.to_string()),
            }
        }
        if !missing.is_empty() {
            return Err(LoadError::Unresolved(missing));
        }
        let needs_teb = bound.iter().any(|(w, _)| w.dll.eq_ignore_ascii_case("msvcrt.dll"));

        // TLS directory (absolute addresses, already relocated above).
        let mut tls_callbacks = Vec::new();
        let mut tls_template = None;
        if let Some(dir) = file.data_directory(pe::IMAGE_DIRECTORY_ENTRY_TLS) {
            let rva = dir.virtual_address.get(LE) as usize;
            if rva != 0 {
                // SAFETY: the TLS directory is inside the image; its fields are 64-bit VAs.
                unsafe {
                    let d = (base + rva) as *const u64;
                    let (start, end, index, callbacks) = (
                        d.read_unaligned() as usize,
                        d.add(1).read_unaligned() as usize,
                        d.add(2).read_unaligned() as usize,
                        d.add(3).read_unaligned() as usize,
                    );
                    let zero_fill = (d.add(4) as *const u32).read_unaligned() as usize;
                    tls_template = Some((start, end, zero_fill));
                    if index != 0 {
                        (index as *mut u32).write_unaligned(0);
                    }
                    let mut p = callbacks as *const u64;
                    while !p.is_null() && p.read_unaligned() != 0 {
                        tls_callbacks.push(p.read_unaligned() as usize);
                        p = p.add(1);
                    }
                }
            }
        }

        // Section protections (the headers read-only).
        // SAFETY: page-aligned ranges inside our mapping.
        unsafe {
            libc::mprotect(base as *mut _, PAGE, libc::PROT_READ);
            for s in file.section_table().iter() {
                let c = s.characteristics.get(LE);
                let mut prot = 0;
                if c & pe::IMAGE_SCN_MEM_READ != 0 {
                    prot |= libc::PROT_READ;
                }
                if c & pe::IMAGE_SCN_MEM_WRITE != 0 {
                    prot |= libc::PROT_WRITE;
                }
                if c & pe::IMAGE_SCN_MEM_EXECUTE != 0 {
                    prot |= libc::PROT_EXEC | libc::PROT_READ;
                }
                let va = s.virtual_address.get(LE) as usize;
                let len = round_up((s.virtual_size.get(LE) as usize).max(1), PAGE);
                libc::mprotect((base + va) as *mut _, len.min(size - va), prot);
            }
        }

        let entry = match opt.address_of_entry_point() {
            0 => 0,
            rva => base + rva as usize,
        };
        let size = image.size;
        std::mem::forget(image);
        Ok(Image {
            base,
            preferred_base: preferred,
            size,
            entry,
            tls_callbacks,
            tls_template,
            imports: bound,
            needs_teb,
        })
    }

    /// Whether the image ended up at its preferred base.
    pub fn at_preferred_base(&self) -> bool {
        self.base == self.preferred_base
    }
}

/// Unmaps on early return.
struct Mapped {
    base: usize,
    size: usize,
}

impl Drop for Mapped {
    fn drop(&mut self) {
        // SAFETY: our own mapping.
        unsafe { libc::munmap(self.base as *mut _, self.size) };
    }
}

fn map(preferred: usize, size: usize, placement: Placement) -> Result<usize, LoadError> {
    let prot = libc::PROT_READ | libc::PROT_WRITE;
    let flags = libc::MAP_PRIVATE | libc::MAP_ANONYMOUS;
    if placement == Placement::Preferred {
        // SAFETY: MAP_FIXED_NOREPLACE never replaces an existing mapping.
        let p = unsafe { libc::mmap(preferred as *mut _, size, prot, flags | libc::MAP_FIXED_NOREPLACE, -1, 0) };
        if p as usize == preferred {
            return Ok(preferred);
        }
        if p != libc::MAP_FAILED {
            // SAFETY: an old kernel treated the flag as a hint and mapped elsewhere.
            unsafe { libc::munmap(p, size) };
        }
    }
    // SAFETY: a fresh anonymous mapping anywhere.
    let p = unsafe { libc::mmap(std::ptr::null_mut(), size, prot, flags, -1, 0) };
    if p == libc::MAP_FAILED {
        return Err(LoadError::Map(std::io::Error::last_os_error()));
    }
    Ok(p as usize)
}
