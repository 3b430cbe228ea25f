//! The pyo3 probe: a #[pymodule] built with the cell's PyO3 version,
//! imported and called from Python inside Pyodide (matrix/probes/README.md).
//! The module init is written twice: PyO3 < 0.21 takes `&PyModule`, 0.21+
//! a `&Bound<PyModule>` (the only form from 0.23); the compile stage turns
//! on the crate's feature `bound` for 0.21 and newer.
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

#[pyfunction]
fn add(a: i64, b: i64) -> i64 {
    a + b
}

#[pyfunction]
fn greet(name: &str) -> String {
    format!("hello {}", name)
}

#[pyfunction]
fn total(values: Vec<i64>) -> i64 {
    values.iter().sum()
}

/// A Rust error surfacing as a Python exception.
#[pyfunction]
fn checked_root(x: i64) -> PyResult<i64> {
    if x < 0 {
        return Err(PyValueError::new_err(format!("negative input: {}", x)));
    }
    Ok((x as f64).sqrt() as i64)
}

/// A Rust panic: PyO3 catches it (unwinding) and raises PanicException.
#[pyfunction]
fn boom(n: i32) -> i32 {
    if n > 0 {
        panic!("probe panic {}", n);
    }
    n
}

#[cfg(not(feature = "bound"))]
#[pymodule]
fn emcompat_pyo3(_py: Python, m: &PyModule) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(add, m)?)?;
    m.add_function(wrap_pyfunction!(greet, m)?)?;
    m.add_function(wrap_pyfunction!(total, m)?)?;
    m.add_function(wrap_pyfunction!(checked_root, m)?)?;
    m.add_function(wrap_pyfunction!(boom, m)?)?;
    Ok(())
}

#[cfg(feature = "bound")]
#[pymodule]
fn emcompat_pyo3(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(add, m)?)?;
    m.add_function(wrap_pyfunction!(greet, m)?)?;
    m.add_function(wrap_pyfunction!(total, m)?)?;
    m.add_function(wrap_pyfunction!(checked_root, m)?)?;
    m.add_function(wrap_pyfunction!(boom, m)?)?;
    Ok(())
}
